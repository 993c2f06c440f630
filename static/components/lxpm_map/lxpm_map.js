// The dashboard's map, mounted in the page by a Streamlit component (Components v2, no iframe).
// Python (app/map_component.py) renders the folium map and sends it in parts (layers/map_parts.py):
// the files it needs, the constant base (the map and its base layers: made once, kept across reruns)
// and the layers that change with the filters (replaced on each rerun). Events go back as triggers:
// `click` (a feature's id), `painted` (the map's data is drawn), `need_base` (this page lacks the base).

// The map's files are loaded by window.lxpmMapFiles (map_files.js, sent with this script).

// Folium's scripts declare globals (var map_…, var feature_group_…): run them in the global scope.
const globalEval = eval;

// One host per component key, kept on the window: a rerun, or the element mounted again, finds its
// map and moves its container into the new element instead of building it again.
function hostOf(key) {
  const hosts = window.lxpmMapHosts = window.lxpmMapHosts || {};
  hosts[key] = hosts[key] || {baseKey: null, container: null, maps: [], dynamic: [], dynamicKey: null};
  return hosts[key];
}

function buildBase(host, base) {
  host.maps.forEach((map) => map.remove());
  host.dynamic = [];
  host.dynamicKey = null;
  const container = document.createElement('div');
  container.className = 'lxpm-map-root';
  container.innerHTML = base.html;
  if (host.container) { host.container.replaceWith(container); }
  host.container = container;
  return container;
}

function replaceDynamic(host, dynamic) {
  host.dynamic.forEach((item) => { if (item && item.remove) { item.remove(); } });
  globalEval(dynamic.script);
  host.dynamic = dynamic.names.map((name) => window[name]);
  host.dynamicKey = dynamic.key;
}

export default function (component) {
  const {data, parentElement, setTriggerValue, key} = component;
  if (!data) { return; }
  const host = hostOf(key || 'map');
  host.setTriggerValue = setTriggerValue;  // the newest mount's: an earlier one's may be gone
  const needsBase = host.baseKey !== data.base.key;
  if (needsBase && !data.base.script) {
    setTriggerValue('need_base', data.base.key);  // this page has not got the base the server thinks it has
    return;
  }
  const files = window.lxpmMapFiles;
  const fetched = files.data(data.prefetch || []);
  files.sheets(data.assets.styles || []);
  const ready = Promise.all([files.start({js: data.assets.js}), files.styles(data.assets.css)]);
  const run = host.run = (host.run || Promise.resolve()).then(() => ready).then(() => {
    if (needsBase) {
      const container = buildBase(host, data.base);
      parentElement.appendChild(container);
      globalEval(data.base.script);
      host.maps = data.base.map_names.map((name) => window[name]);
      host.baseKey = data.base.key;
      host.maps.forEach((map, i) => {
        map.lxpmOnFeatureClick = (feature) => {
          host.clicks = (host.clicks || 0) + 1;
          host.setTriggerValue('click', {id: feature.properties.id, n: host.clicks});
        };
        if (data.expose_as[i]) { window[data.expose_as[i]] = map; }
      });
    } else if (!parentElement.contains(host.container)) {
      parentElement.appendChild(host.container);
      host.maps.forEach((map) => map.invalidateSize());
    }
    if (host.dynamicKey !== data.dynamic.key) { replaceDynamic(host, data.dynamic); }
  });
  run.then(() => fetched).then(() => {
    if (data.report_paint) {
      requestAnimationFrame(() => setTriggerValue('painted', true));
    }
  }, (error) => {
    console.error('map not drawn', error);
    if (data.report_paint) { setTriggerValue('painted', false); }
  });
}
