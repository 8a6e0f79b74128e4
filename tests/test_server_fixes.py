"""The work-arounds for Streamlit server bugs (``sections.server_fixes``) do what they say, and only that."""

from __future__ import annotations

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from sections import server_fixes


def queue_of(*kinds: str) -> ForwardMsgQueue:
    """A session's outgoing queue holding one message of each kind, in order."""
    queue = ForwardMsgQueue()
    for index, kind in enumerate(kinds):
        message = ForwardMsg()
        if kind == "file_urls_response":
            message.file_urls_response.response_id = f"request-{index}"
        elif kind == "delta":
            message.metadata.delta_path[:] = [0, index]
            message.delta.new_element.markdown.body = f"text {index}"
        elif kind == "new_session":
            message.new_session.name = "dashboard"
        queue.enqueue(message)
    return queue


def kinds(messages) -> list[str]:
    return [message.WhichOneof("type") for message in messages]


def test_a_run_that_starts_keeps_the_answer_to_a_file_upload_request() -> None:
    """The bug: the browser asked where to upload a file, a run started before the answer left, and it was dropped."""
    assert server_fixes.keep_answers_when_a_run_starts()
    queue = queue_of("delta", "file_urls_response", "delta", "new_session")
    queue.clear(retain_lifecycle_msgs=True)  # what a full run's start does
    assert kinds(queue.flush()) == ["file_urls_response", "new_session"]
    assert queue.is_empty()


def test_a_fragment_run_keeps_the_answer_once_and_a_flush_still_empties_the_queue() -> None:
    server_fixes.apply()
    queue = queue_of("file_urls_response", "delta")
    queue.clear(retain_lifecycle_msgs=True, fragment_ids_this_run=["other"])  # Streamlit keeps it itself here
    assert kinds(queue.flush()) == ["file_urls_response", "delta"]
    queue = queue_of("file_urls_response")
    queue.clear()  # a plain clear (what flush does) drops everything, as before
    assert queue.is_empty()


def test_applying_twice_wraps_once() -> None:
    server_fixes.apply()
    fixed = ForwardMsgQueue.clear
    server_fixes.apply()
    assert ForwardMsgQueue.clear is fixed
    queue = queue_of("delta", "new_session")
    queue.clear(retain_lifecycle_msgs=True)
    assert kinds(queue.flush()) == ["new_session"]  # the run lifecycle messages Streamlit keeps are still kept
