import { useQuery } from '@tanstack/react-query';
import { fetchUnreadCount } from '../pages/notifications/notifications-api';

/** How many of my notifications are unread, for the bell; refreshed every minute and whenever a notification is read. */
export function useUnreadNotifications(): number {
  const { data } = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
  });
  return data ?? 0;
}
