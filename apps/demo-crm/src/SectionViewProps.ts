import type { UploadFile } from '@c2d-console/react';
import type { DemoStrings } from './demoStrings.ts';
import type { DemoView } from './useUrlState.ts';

/** What the page gives each of its sections (`LeadView`, `InboxView`). */
export interface SectionViewProps {
  view: DemoView;
  setView: (next: Partial<DemoView>) => void;
  /** The host's upload for attachments, when it has somewhere to put files. */
  uploadFile?: UploadFile;
  t: DemoStrings;
}
