// The Content-Security-Policy for everything the server answers: the web client, the API docs page
// and the JSON API. No inline script anywhere (script-src 'self', script-src-attr 'none'): the Vite
// build and @fastify/swagger-ui's page load their scripts from files. Styles set from script (React
// style props, Sigma's canvases) go through the CSSOM, which style-src does not restrict; the Swagger
// page's stylesheet is a file too. Workers are blob: URLs (graphology's ForceAtlas2 worker); the graph
// export and image downloads are data:/blob: images. Nothing is fetched from another origin.
export function contentSecurityPolicy(opts: { https: boolean }) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      // Only behind HTTPS: on plain http://localhost it would send every request to an https:// that
      // is not there.
      ...(opts.https ? { 'upgrade-insecure-requests': [] } : {}),
    },
  };
}
