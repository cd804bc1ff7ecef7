import type { Notification } from '@customer-portal/sdk';
import { useState } from 'react';
import { portal, unwrap } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { formatDateTime } from '../format.ts';
import { useApi } from '../use-api.ts';

/** The notification feed, newest first, with a button to mark each unread one read. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const loaded = useApi(
    (signal) => unwrap(portal.GET('/api/v1/customer/notifications', { params: { query: { unread_only: unreadOnly } }, signal })),
    [unreadOnly],
  );
  // The API's answer to each "mark as read", shown in place of the loaded notification without a reload.
  const [marked, setMarked] = useState<Record<number, Notification>>({});
  const [error, setError] = useState<unknown>();
  const notifications = (loaded.data ?? []).map((notification) => marked[notification.id] ?? notification);

  async function markRead(id: number) {
    setError(undefined);
    try {
      const updated = await unwrap(
        portal.PUT('/api/v1/customer/notifications/{notification_id}/read', { params: { path: { notification_id: id } } }),
      );
      setMarked((current) => ({ ...current, [id]: updated }));
    } catch (failure) {
      setError(failure);
    }
  }

  const unread = notifications.filter((notification) => !notification.read).length;
  return (
    <>
      <h1>Notifications</h1>
      <p role="status" data-testid="unread-count">
        {unread} unread
      </p>
      <label className="inline">
        <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} /> Unread only
      </label>
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <ErrorAlert error={error} />
      {!loaded.data && loaded.loading && <Loading what="your notifications" />}
      <ul className="notifications" aria-label="Notifications">
        {notifications.map((notification) => (
          <li key={notification.id} className={notification.read ? 'read' : 'unread'}>
            <p>
              <strong>{notification.title}</strong> <time dateTime={notification.timestamp}>{formatDateTime(notification.timestamp)}</time>
            </p>
            <p>{notification.message}</p>
            {notification.read ? (
              <p className="muted">Read</p>
            ) : (
              <button type="button" onClick={() => markRead(notification.id)}>
                Mark <span className="visually-hidden">“{notification.title}” </span>as read
              </button>
            )}
          </li>
        ))}
        {loaded.data?.length === 0 && <li className="empty">{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</li>}
      </ul>
    </>
  );
}
