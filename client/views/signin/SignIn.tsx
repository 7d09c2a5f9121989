// The sign-in page. The health indicator sits in its footer so an operator sees at once whether the
// server and Neo4j are up, before anyone has an account.
import { useState, type FormEvent } from 'react';
import { login } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import type { Me } from '../../api/types.ts';
import { HealthBadge } from '../../components/HealthBadge.tsx';

export function SignIn(props: { onSignedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await login(username.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form className="card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Carecircle</h1>
        <p className="muted">
          Find the people who shape health conversations online and build relationships with them.
        </p>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <footer>
        <HealthBadge />
      </footer>
    </main>
  );
}
