import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { $api, invalidate } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { formatDateTime } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';
import styles from './notifications-page.module.css';

const route = getRouteApi('/notifications');

/** The notification feed, newest first, with a button to mark each unread one read. */
export function NotificationsPage() {
  // In the URL (`?unread=true`), so a reload or the back button keeps it.
  const unreadOnly = route.useSearch().unread === true;
  const navigate = route.useNavigate();
  const { data, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/notifications', {
    params: { query: { unread_only: unreadOnly } },
  });
  const queryClient = useQueryClient();
  const markRead = $api.useMutation('put', '/api/v1/customer/notifications/{notification_id}/read', {
    onSuccess: () => invalidate(queryClient, '/api/v1/customer/notifications'),
  });
  const notifications = data ?? [];

  const unread = notifications.filter((notification) => !notification.read).length;
  return (
    <>
      <h1>Notifications</h1>
      <p role="status" data-testid="unread-count">
        {unread} unread
      </p>
      <label className={pageLayout.inline}>
        <input type="checkbox" checked={unreadOnly} onChange={(event) => void navigate({ search: { unread: event.target.checked || undefined } })} /> Unread only
      </label>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={markRead.error} />
      {isPending && <Loading what="your notifications" />}
      <ul className={styles.notifications} aria-label="Notifications">
        {notifications.map((notification) => (
          <li key={notification.id} className={notification.read ? undefined : styles.unread}>
            <p>
              <strong>{notification.title}</strong> <time dateTime={notification.timestamp}>{formatDateTime(notification.timestamp)}</time>
            </p>
            <p>{notification.message}</p>
            {notification.read ? (
              <p className={pageLayout.muted}>Read</p>
            ) : (
              <button
                type="button"
                disabled={markRead.isPending && markRead.variables.params.path.notification_id === notification.id}
                onClick={() => markRead.mutate({ params: { path: { notification_id: notification.id } } })}
              >
                Mark <span className="visually-hidden">“{notification.title}” </span>as read
              </button>
            )}
          </li>
        ))}
        {data?.length === 0 && <li className={pageLayout.muted}>{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</li>}
      </ul>
    </>
  );
}
