import type { ComponentChildren } from 'preact';

interface Props {
  tone: 'info' | 'warning' | 'error';
  title?: string;
  children?: ComponentChildren;
  action?: { label: string; onClick(): void };
}

/** A message with at most one way forward: no dead ends. */
export function Notice({ tone, title, children, action }: Props) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong class="notice-title">{title}</strong>}
      {children && <div class="notice-body">{children}</div>}
      {action && (
        <button type="button" class="notice-action" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
