// Export buttons that carry the map view the user sees. A rerun's st.query_params holds Streamlit's
// own copy of the address, not the lat/lon/z the map writes into it afterwards, so a click here reads
// the view itself: from the page's Leaflet map (window.lxpmMap, app/map_component.py), else from the
// page address, and sends it with the click (the Streamlit component protocol, version 1).
// Args: {buttons: [{action, label}]}.
(function() {
  function send(type, data) {
    window.parent.postMessage(Object.assign({isStreamlitMessage: true, type: type}, data), '*');
  }

  function mapView() {
    var top = window.top;
    try {
      var m = top.lxpmMap;
      if (m && typeof m.getCenter === 'function' && typeof m.getZoom === 'function') {
        var c = m.getCenter();
        return {lat: c.lat, lon: c.lng, z: m.getZoom(), from: 'map'};
      }
    } catch (e) {}
    var p = new URL(top.location.href).searchParams;
    if (p.get('lat') && p.get('lon') && p.get('z')) {
      return {lat: parseFloat(p.get('lat')), lon: parseFloat(p.get('lon')), z: parseFloat(p.get('z')), from: 'url'};
    }
    return {lat: null, lon: null, z: null, from: 'none'};
  }

  var clicks = 0;
  function draw(args, disabled) {
    var box = document.getElementById('buttons');
    box.textContent = '';
    (args.buttons || []).forEach(function(b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = b.label;
      button.dataset.action = b.action;
      button.disabled = !!disabled;
      button.addEventListener('click', function() {
        clicks += 1;
        send('streamlit:setComponentValue', {
          value: Object.assign({action: b.action, click: Date.now() + '-' + clicks}, mapView()), dataType: 'json'});
      });
      box.appendChild(button);
    });
    send('streamlit:setFrameHeight', {height: document.body.scrollHeight + 2});
  }

  window.addEventListener('message', function(event) {
    if (event.data && event.data.type === 'streamlit:render') { draw(event.data.args || {}, event.data.disabled); }
  });
  send('streamlit:componentReady', {apiVersion: 1});
})();
