// Renders the document embedded by <name>.spec.js. Embedding (rather than fetching a URL) keeps the page working
// when opened from the file system; validatorUrl null keeps Swagger UI from calling its online validator.
window.addEventListener('load', function () {
  if (!window.OPENAPI_SPEC) {
    document.getElementById('swagger-ui').textContent = 'The OpenAPI document script did not load.';
    return;
  }
  window.ui = SwaggerUIBundle({
    spec: window.OPENAPI_SPEC,
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
