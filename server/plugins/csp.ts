// The Content-Security-Policy for everything the server answers: the web client, the API docs page
// and the JSON API. No inline script anywhere (script-src 'self', script-src-attr 'none'): the Vite
// build and @fastify/swagger-ui's page load their scripts from files. Styles set from script (React
// style props, Sigma's canvases) go through the CSSOM, which style-src does not restrict; the Swagger
// page's stylesheet is a file too, apart from one <style> element allowed by its hash. Workers are blob: URLs (graphology's ForceAtlas2 worker); the graph
// export and image downloads are data:/blob: images. Nothing is fetched from another origin.
const SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export function contentSecurityPolicy(opts: { https: boolean }) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      // One exception, by hash rather than 'unsafe-inline': the <style> element swagger-ui adds to
      // the docs page (tests/e2e/csp.test.ts fails if an upgrade changes it).
      'style-src': ["'self'", SWAGGER_UI_STYLE],
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
