/** Strings of ClientCard. */
export interface ClientCardStrings {
  cardLoading: string;
  cardError: string;
  cardNotFound: string;
  cardName: string;
  cardPhone: string;
  /** Chat2Desk's `extra_comment_1..3`. */
  cardExtraComment: (n: number) => string;
  cardComment: string;
  cardNoComment: string;
  cardEdit: string;
  cardSave: string;
  cardSaving: string;
  cardCancel: string;
  /** The keys of the comment box. */
  cardCommentKeys: string;
  cardSaveFailed: (reason: string) => string;
  cardTags: string;
  cardNoTags: string;
  cardAddTag: string;
  cardTagSearch: string;
  cardNoTagMatches: string;
  cardTagsLoading: string;
  cardTagsError: string;
  /** Under a tag list cut short: how many more match. */
  cardMoreTags: (count: number) => string;
  cardRemoveTag: (label: string) => string;
  cardTagFailed: (reason: string) => string;
  /** The proxy refused: this seat may not do it. */
  cardRefused: (reason: string) => string;
}

/** Strings of ClientCard, in English (built in; other languages are packs: `locales/`). */
export const clientCardStrings: ClientCardStrings = {
  cardLoading: 'Loading the client…',
  cardError: 'Could not load the client',
  cardNotFound: 'This client was not found',
  cardName: 'Own name',
  cardPhone: 'Phone',
  cardExtraComment: (n) => `Extra comment ${n}`,
  cardComment: 'Comment',
  cardNoComment: 'No comment yet',
  cardEdit: 'Edit',
  cardSave: 'Save',
  cardSaving: 'Saving…',
  cardCancel: 'Cancel',
  cardCommentKeys: 'Ctrl+Enter saves, Escape cancels',
  cardSaveFailed: (reason) => `Not saved: ${reason}`,
  cardTags: 'Tags',
  cardNoTags: 'No tags',
  cardAddTag: 'Add tag',
  cardTagSearch: 'Tag',
  cardNoTagMatches: 'No tag matches',
  cardTagsLoading: 'Loading tags…',
  cardTagsError: 'Could not load tags',
  cardMoreTags: (count) => `${count} more: type to find them`,
  cardRemoveTag: (label) => `Remove tag ${label}`,
  cardTagFailed: (reason) => `Tags not changed: ${reason}`,
  cardRefused: (reason) => `Not allowed: ${reason}`,
};
