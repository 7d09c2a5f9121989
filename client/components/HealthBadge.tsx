// Server and Neo4j status, shown on the sign-in page and in the navigation (public endpoint).
import { fetchHealth } from '../api/health.ts';
import { useAsync } from '../lib/useAsync.ts';

export function HealthBadge() {
  const { data: health, error } = useAsync((signal) => fetchHealth(signal), []);
  return (
    <section aria-label="System health" className="health">
      {error && <span role="alert">Server unreachable: {error.message}</span>}
      {!health && !error && <span>Checking the server…</span>}
      {health && (
        <>
          <span className={`dot ${health.neo4j.reachable ? 'ok' : 'bad'}`} aria-hidden="true" />
          <span data-testid="health-status">{health.status}</span>
          {' · Neo4j '}
          <span data-testid="neo4j-version">
            {health.neo4j.reachable
              ? `${health.neo4j.version} (${health.neo4j.edition})`
              : `unreachable: ${health.neo4j.message ?? ''}`}
          </span>
        </>
      )}
    </section>
  );
}
