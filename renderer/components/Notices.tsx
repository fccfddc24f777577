import { useEffect } from 'react';
import { useNoticesStore } from '../state/notices-store';

/** Transient notices in the corner; info ones fade after a few seconds, errors stay until dismissed. */
export function Notices(): React.JSX.Element {
  const notices = useNoticesStore((s) => s.notices);
  const dismiss = useNoticesStore((s) => s.dismiss);
  useEffect(() => {
    const timers = notices.filter((n) => n.tone === 'info').map((n) => setTimeout(() => dismiss(n.id), 4000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
