/** Who staffs which window (manager): the clerk on it and its backup (AB角). */
import { Type } from 'typebox';
import { NullableId } from './common.js';

const Reason = Type.Optional(Type.String({ maxLength: 200 }));

export const ClerkBody = Type.Object({ clerkId: NullableId, reason: Reason });
export const BackupBody = Type.Object({ backupClerkId: NullableId, reason: Reason });
