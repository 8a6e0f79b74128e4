/*
 * The page's channel to the server: a Streamlit component (custom components v2) with no face.
 *
 * It lends the page (page.js) two ways to speak to the server in this session: `geo.sendView(view)`,
 * the map's view as the address writes it, with the address it was seen at (only the channel's
 * fragment reruns), and `geo.sendGo(intent)`, a move the visitor asked for ({place: id}, {step: n}:
 * the server opens it, in the same session). Both are trigger values, taken once in the order they
 * were sent: a view is an event, never a state that a later run would take again. Nothing else in
 * the page writes the address.
 *
 * An ES module, as Streamlit loads a component's code; like page.js it holds no "less than" sign.
 */
export default function connect(component) {
  const geo = (globalThis.geo = globalThis.geo || {});
  const sendView = (view) => component.setTriggerValue("view", view);
  const sendGo = (intent) => component.setTriggerValue("go", intent);
  geo.sendView = sendView;
  geo.sendGo = sendGo;
  if (geo.pendingGo) {  // a move asked for while no channel was mounted (page.js)
    const intent = geo.pendingGo;
    delete geo.pendingGo;
    sendGo(intent);
  }
  return () => {  // unmounted: a later channel may have taken over already
    if (geo.sendView === sendView) delete geo.sendView;
    if (geo.sendGo === sendGo) delete geo.sendGo;
  };
}
