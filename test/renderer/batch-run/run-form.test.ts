import { describe, expect, it } from 'vitest';
import { RunConfigSchema } from '../../../shared/model/run';
import { formFrom, formToConfig } from '../../../renderer/features/batch-run/run-form';

describe('run form', () => {
  it('round-trips a saved config, keeping settings the dialog does not show', () => {
    const saved = RunConfigSchema.parse({ name: 'n', iterations: 3, dataFile: 'rows.csv', rateLimit: 12.5, delayMs: 10, timeoutMs: 900, insecure: true, retries: { max: 2 }, connectionsPerOrigin: 200, environment: 'dev' });
    const config = formToConfig(formFrom([], saved), [], saved);
    expect(config).toEqual(saved);
  });

  it('targets the chosen paths and sizes the pool to the concurrency', () => {
    const form = { ...formFrom(['users', 'auth/login.yaml']), concurrency: '300' };
    const config = formToConfig(form, ['users', 'auth/login.yaml']);
    expect(config.stages).toEqual([{ name: 'main', targets: ['users', 'auth/login.yaml'], concurrency: 300 }]);
    expect(config.connectionsPerOrigin).toBe(300);
    expect(config.dataFile).toBeUndefined();
    expect(config.environment).toBeUndefined();
  });

  it.each([
    ['concurrency', '1.5', /Concurrency must be a whole number/],
    ['concurrency', '1001', /Concurrency must be a whole number from 1 to 1000/],
    ['iterations', '', /Iterations must be/],
    ['delayMs', '-1', /Delay must be/],
    ['rateLimit', 'fast', /Rate must be a number/],
    ['timeoutMs', '1e99', /Timeout must be/],
  ] as const)('rejects %s = %j', (field, value, message) => {
    expect(() => formToConfig({ ...formFrom([]), [field]: value }, [])).toThrow(message);
  });
});
