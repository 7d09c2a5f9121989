import { describe, expect, it } from 'vitest';
import { ConfigError, connectionFromEnv } from '../../queries/connection.ts';
import { serverConfigFromEnv } from '../../server/config.ts';
import { defaultPort, localInstance } from '../../neo4j/instance.ts';

describe('connectionFromEnv', () => {
  it('uses NEO4J_URI with its user, password and database', () => {
    const c = connectionFromEnv({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'carecircle',
    });
    expect(c).toMatchObject({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'reader',
      password: 'pw',
      database: 'carecircle',
      managed: false,
    });
  });

  it('names NEO4J_PASSWORD when it is missing', () => {
    expect(() => connectionFromEnv({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('names NEO4J_URI when it is not a Bolt URI', () => {
    expect(() => connectionFromEnv({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      ConfigError,
    );
    expect(() => connectionFromEnv({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /NEO4J_URI/,
    );
  });
});

describe('localInstance', () => {
  // localInstance itself answers with the port of an instance already running (npm test may have
  // moved the test instance off a busy 7688), so the defaults are checked where they are decided.
  it('defaults to the dev instance on 7687 and the test instance on 7688', () => {
    expect(localInstance({}).name).toBe('dev');
    expect([defaultPort('dev'), defaultPort('test'), defaultPort('t-client')]).toEqual([7687, 7688, 7687]);
    expect(localInstance({ CARECIRCLE_NEO4J_INSTANCE: 'test', CARECIRCLE_NEO4J_PORT: '7999' })).toMatchObject(
      {
        name: 'test',
        port: 7999,
        uri: 'bolt://127.0.0.1:7999',
      },
    );
  });
  it('rejects a bad port or instance name, naming the variable', () => {
    expect(() => localInstance({ CARECIRCLE_NEO4J_PORT: '80' })).toThrow(/CARECIRCLE_NEO4J_PORT/);
    expect(() => localInstance({ CARECIRCLE_NEO4J_INSTANCE: '../x' })).toThrow(/CARECIRCLE_NEO4J_INSTANCE/);
  });
});

describe('serverConfigFromEnv', () => {
  it('has defaults', () => {
    expect(serverConfigFromEnv({})).toMatchObject({ PORT: 5173, HOST: '127.0.0.1' });
  });
  it('names a bad PORT and shows its value', () => {
    expect(() => serverConfigFromEnv({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
  });
});
