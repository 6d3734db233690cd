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
    plugins: [PermissionBadges],
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

// Shows what each operation requires of the caller: its x-dss-permission as a badge on the operation's summary line
// (the meaning as a tooltip), and the vocabulary (info.x-dss-permissions) as a table under the document's title.
function PermissionBadges() {
  var vocabulary = (window.OPENAPI_SPEC && window.OPENAPI_SPEC.info && window.OPENAPI_SPEC.info['x-dss-permissions']) || {};
  function meaning(name) {
    var entry = vocabulary[name];
    return entry && entry.description ? entry.description : '';
  }
  return {
    wrapComponents: {
      OperationSummaryPath: function (Original, system) {
        return function (props) {
          var React = system.React;
          // operationProps.op stays empty until the operation is expanded (Swagger UI resolves it lazily): read the
          // permission from the document itself, by path and method
          var path = props.operationProps && props.operationProps.get('path');
          var method = props.operationProps && props.operationProps.get('method');
          var item = path && window.OPENAPI_SPEC.paths && window.OPENAPI_SPEC.paths[path];
          var permission = item && item[method] && item[method]['x-dss-permission'];
          var original = React.createElement(Original, props);
          if (!permission) {
            return original;
          }
          return React.createElement(React.Fragment, null, original,
            React.createElement('span', { className: 'dss-permission', 'data-permission': permission,
              title: meaning(permission) }, permission));
        };
      },
      InfoContainer: function (Original, system) {
        return function (props) {
          var React = system.React;
          var names = Object.keys(vocabulary);
          var original = React.createElement(Original, props);
          if (names.length === 0) {
            return original;
          }
          var rows = names.map(function (name) {
            return React.createElement('tr', { key: name },
              React.createElement('td', null, React.createElement('span', { className: 'dss-permission' }, name)),
              React.createElement('td', null, meaning(name)),
              React.createElement('td', null, vocabulary[name].denied ? String(vocabulary[name].denied) : '-'));
          });
          return React.createElement(React.Fragment, null, original,
            React.createElement('section', { className: 'dss-permission-legend wrapper' },
              React.createElement('h3', null, 'Permissions (x-dss-permission)'),
              React.createElement('table', null,
                React.createElement('thead', null, React.createElement('tr', null,
                  React.createElement('th', null, 'Permission'), React.createElement('th', null, 'Who holds it'),
                  React.createElement('th', null, 'Status without it'))),
                React.createElement('tbody', null, rows))));
        };
      }
    }
  };
}
