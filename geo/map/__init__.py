"""The interactive map: basemap, overlays, prepared fragments, Leaflet elements, popups, legend, assets."""
