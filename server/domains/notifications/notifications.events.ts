// Socket events of the notifications domain, sent only to the owner's user room.
export interface NotificationEvents {
  "notification:created": (payload: { id: string; unreadCount: number }) => void;
  "notifications:read": (payload: { unreadCount: number }) => void;
}
