import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has safe defaults for a developer machine', () => {
    const config = loadConfig({}, '/srv/da06');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, '/srv/da06/data');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.bodyLimit, 1024 * 1024);
    assert.equal(config.publicUrl, 'http://localhost:3000');
  });

  it('reads the values it is given', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/da06', DATABASE_URL: 'postgres://u@db/da06', PUBLIC_URL: 'https://da06.example.vn/' });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dataDir, '/var/lib/da06');
    assert.equal(config.databaseUrl, 'postgres://u@db/da06');
    assert.equal(config.publicUrl, 'https://da06.example.vn');
  });

  it('stops with one message listing every bad value, without echoing secrets', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x', NODE_ENV: 'staging', BODY_LIMIT: '-1' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 4);
        assert.match(error.message, /PORT="eighty"/);
        assert.match(error.message, /DATABASE_URL/);
        assert.match(error.message, /NODE_ENV="staging"/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  });

  it('rejects a JWT key that is not JSON', () => {
    assert.throws(() => loadConfig({ JWT_PRIVATE_JWK: 'not json' }), /JWT_PRIVATE_JWK/);
  });
});
