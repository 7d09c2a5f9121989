// The health call: public, so the sign-in page can show whether the server and Neo4j are up.
interface Health {
  status: 'ok' | 'degraded';
  neo4j: { reachable: boolean; version: string | null; edition: string | null; message?: string };
}

export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const res = await fetch('/api/health', { signal });
  return (await res.json()) as Health;
}
