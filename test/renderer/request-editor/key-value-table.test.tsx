import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { KeyValue } from '../../../shared/model/request';
import { KeyValueTable } from '../../../renderer/components/KeyValueTable';
import { switchBodyMode } from '../../../renderer/features/request-editor/BodyTab';
import { switchAuthType } from '../../../renderer/features/request-editor/AuthTab';

function Host({ initial, onRows }: { initial: KeyValue[]; onRows: (rows: KeyValue[]) => void }): React.JSX.Element {
  const [rows, setRows] = useState(initial);
  return (
    <KeyValueTable
      rows={rows}
      onChange={(next) => {
        setRows(next);
        onRows(next);
      }}
      testId="t"
      isMasked={(r) => r.name === 'secret'}
    />
  );
}

describe('KeyValueTable', () => {
  it('typing in the trailing row appends a row, and a new trailing row appears', () => {
    let last: KeyValue[] = [];
    render(<Host initial={[]} onRows={(r) => (last = r)} />);
    fireEvent.change(screen.getByTestId('t-name-0'), { target: { value: 'Accept' } });
    expect(last).toEqual([{ name: 'Accept', value: '', enabled: true }]);
    expect(screen.getByTestId('t-name-1')).toBeTruthy();
    fireEvent.change(screen.getByTestId('t-value-0'), { target: { value: 'application/json' } });
    expect(last).toEqual([{ name: 'Accept', value: 'application/json', enabled: true }]);
  });

  it('disables, removes and masks rows', () => {
    let last: KeyValue[] = [];
    render(
      <Host
        initial={[
          { name: 'a', value: '1', enabled: true },
          { name: 'secret', value: 's3cr3t', enabled: true },
        ]}
        onRows={(r) => (last = r)}
      />,
    );
    expect((screen.getByTestId('t-value-1') as HTMLInputElement).type).toBe('password');
    expect((screen.getByTestId('t-value-0') as HTMLInputElement).type).toBe('text');
    fireEvent.click(screen.getByTestId('t-enabled-0'));
    expect(last[0]).toEqual({ name: 'a', value: '1', enabled: false });
    expect(screen.getByTestId('t-row-0').className).toContain('is-disabled');
    fireEvent.click(screen.getByTestId('t-remove-0'));
    expect(last).toEqual([{ name: 'secret', value: 's3cr3t', enabled: true }]);
  });
});

describe('body and auth switching', () => {
  it('carries text across text-like body modes and starts tables empty', () => {
    expect(switchBodyMode({ mode: 'json', text: '{"a":1}' }, 'xml')).toEqual({ mode: 'xml', text: '{"a":1}' });
    expect(switchBodyMode({ mode: 'json', text: 'x' }, 'form')).toEqual({ mode: 'form', fields: [] });
    expect(switchBodyMode({ mode: 'form', fields: [{ name: 'a', value: 'b', enabled: true }] }, 'form')).toEqual({ mode: 'form', fields: [{ name: 'a', value: 'b', enabled: true }] });
    expect(switchBodyMode({ mode: 'none' }, 'binary')).toEqual({ mode: 'binary', path: '' });
  });

  it('keeps username and password between basic and digest', () => {
    expect(switchAuthType({ type: 'basic', username: 'u', password: 'p' }, 'digest')).toEqual({ type: 'digest', username: 'u', password: 'p' });
    expect(switchAuthType({ type: 'none' }, 'apikey')).toEqual({ type: 'apikey', key: '', value: '', in: 'header' });
  });
});
