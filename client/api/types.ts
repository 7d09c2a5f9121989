// Response shapes, taken from the server's zod schemas as types only (nothing of the server is
// bundled): when a schema changes there, the client stops compiling here.
import type { z } from 'zod';
import type { Me } from '../../server/routes/auth.ts';
import type { AccountProfile, WarmPath } from '../../queries/accounts.ts';
import type { GraphEdge, GraphNode, GraphView } from '../../queries/graph.ts';
import type { HashtagItem, HashtagPair } from '../../queries/hashtags.ts';
import type {
  Contact,
  ContactBody,
  ContactEdit,
  PipelineItem,
  Relationship,
  RelationshipBody,
  Stage,
} from '../../queries/outreach/model.ts';
import type { AuditEntry } from '../../queries/audit.ts';
import type { TimelineEvent } from '../../queries/outreach/timeline.ts';
import type { Reminders } from '../../queries/outreach/records.ts';
import type { ImportFile } from '../../server/jobs/import-folder.ts';
import type { Job } from '../../server/jobs/store.ts';
import type { JobRequest } from '../../server/jobs/runners.ts';
import type { User } from '../../queries/users.ts';
import type { Role } from '../../server/auth/roles.ts';
import type { InfluencerItem, InfluencerPage } from '../../queries/influencers.ts';
import type { Community, CommunityDetail } from '../../queries/communities.ts';
import type { Role as AccountRole } from '../../queries/taxonomy/role.ts';
import type { Watch, WatchInput, WatchRun } from '../../collect/watches.ts';

export type {
  Me,
  AccountProfile,
  GraphView,
  Contact,
  ContactBody,
  ContactEdit,
  PipelineItem,
  Relationship,
  RelationshipBody,
  Stage,
  AuditEntry,
  TimelineEvent,
  Reminders,
  ImportFile,
  Job,
  JobRequest,
  User,
  Role,
  InfluencerItem,
  InfluencerPage,
  Community,
  CommunityDetail,
  AccountRole,
  Watch,
  WatchInput,
  WatchRun,
};
export type GraphNodeData = z.infer<typeof GraphNode>;
export type GraphEdgeData = z.infer<typeof GraphEdge>;
export type WarmPathData = z.infer<typeof WarmPath>;
export type HashtagCooccurrence = {
  items: z.infer<typeof HashtagItem>[];
  pairs: z.infer<typeof HashtagPair>[];
};

// The closed lists, defined once for server and client alike.
export { CHANNELS, ROLES, STAGES } from '../../queries/contract.ts';
