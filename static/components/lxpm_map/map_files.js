// The map's files, each loaded once per page: scripts (every new tag inserted at once with
// async = false: parallel downloads, run in order), style sheets, style texts and map data (fetched,
// not yet decoded: lxpmGeoJsonLayer in static/js/lxpm-map.js takes the responses over). The page's
// head starts them before Streamlit's page has drawn anything (app/first_screen.py); the map
// component (lxpm_map.js, which carries this file too) asks again and finds them started.
window.lxpmMapFiles = window.lxpmMapFiles || (function() {
  var scriptLoads = {}, styleLoads = {}, styleTexts = {}, raw = window.lxpmRawJson = window.lxpmRawJson || {};

  function scripts(urls) {
    urls.forEach(function(url) {
      if (scriptLoads[url]) { return; }
      var tag = document.createElement('script');
      tag.src = url;
      tag.async = false;
      scriptLoads[url] = new Promise(function(resolve, reject) {
        tag.onload = resolve;
        tag.onerror = function() { delete scriptLoads[url]; reject(new Error('script not loaded: ' + url)); };
      });
      document.head.appendChild(tag);
    });
    return Promise.all(urls.map(function(url) { return scriptLoads[url]; }));
  }

  function styles(urls) {
    urls.forEach(function(url) {
      if (styleLoads[url]) { return; }
      var tag = document.createElement('link');
      tag.rel = 'stylesheet';
      tag.href = url;
      styleLoads[url] = new Promise(function(resolve) { tag.onload = resolve; tag.onerror = resolve; });
      document.head.appendChild(tag);
    });
    return Promise.all(urls.map(function(url) { return styleLoads[url]; }));
  }

  // Style sheets some elements put in the page's head (folium's popup tables).
  function sheets(texts) {
    texts.forEach(function(text) {
      if (styleTexts[text]) { return; }
      styleTexts[text] = true;
      var tag = document.createElement('style');
      tag.textContent = text;
      document.head.appendChild(tag);
    });
  }

  function data(urls) {
    urls.forEach(function(url) {
      if (raw[url] || (window.lxpmGeoJson || {})[url]) { return; }
      raw[url] = fetch(url).then(function(r) {
        if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
        return r.json();
      });
      raw[url].catch(function() {});  // the layer that takes it over reports a failure
    });
    return Promise.allSettled(urls.map(function(url) { return raw[url] || window.lxpmGeoJson[url]; }));
  }

  // o: {js, css, data} (URLs)
  function start(o) {
    window.L_NO_TOUCH = false;
    window.L_DISABLE_3D = false;
    data(o.data || []);
    styles(o.css || []);
    return scripts(o.js || []);
  }

  // From the page's head: the data now (a fetch does not hold the page's load event), the style sheets
  // and the first screen's element code (o.modules: Streamlit's own chunks) once the page has loaded
  // (Streamlit opens its connection after the load event: nothing of ours may hold it), and the
  // scripts when the page is next idle, while Streamlit waits for its server.
  function early(o) {
    data(o.data || []);
    window.addEventListener('load', function() {
      (o.modules || []).forEach(function(url) {
        var link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = url;
        document.head.appendChild(link);
      });
      styles(o.css || []);
      // Run the scripts when the page is idle (Streamlit waiting for its server), not in its way.
      var run = function() { start({js: o.js || []}); };
      if (window.requestIdleCallback) { requestIdleCallback(run, {timeout: 1000}); } else { setTimeout(run, 0); }
    });
  }

  return {scripts: scripts, styles: styles, sheets: sheets, data: data, start: start, early: early};
})();
