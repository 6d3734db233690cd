// Renders the document embedded by <name>.spec.js. Embedding (rather than fetching a URL) keeps the page working
// when opened from the file system; validatorUrl null keeps Swagger UI from calling its online validator.
window.addEventListener('load', function () {
  if (!window.OPENAPI_SPEC) {
    document.getElementById('swagger-ui').textContent = 'The OpenAPI document script did not load.';
    return;
  }
  window.ui = SwaggerUIBundle({
    spec: servedFromHere(window.OPENAPI_SPEC),
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    filter: true,
    validatorUrl: null
  });
});

// "Try it out" calls the first server. The document's servers name the default local port; a page served over HTTP
// (the reference server's docs, on whatever host and port) offers its own origin first, under each of the
// document's base paths, then the document's servers. Opened from the file system, the page keeps them as they are.
function servedFromHere(spec) {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    return spec;
  }
  var documented = spec.servers || [];
  var bases = [];
  documented.forEach(function (server) {
    var base;
    try {
      base = new URL(server.url, location.href).pathname.replace(/\/+$/, '');
    } catch (e) {
      return;
    }
    if (bases.indexOf(base) < 0) {
      bases.push(base);
    }
  });
  if (bases.length === 0) {
    bases.push('');
  }
  var here = bases.map(function (base) {
    return { url: location.origin + base, description: 'The server this page comes from (' + location.host + ')' };
  });
  var others = documented.filter(function (server) {
    return !here.some(function (h) { return h.url === server.url; });
  });
  return Object.assign({}, spec, { servers: here.concat(others) });
}
