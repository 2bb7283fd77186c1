import { isConsoleApiError } from '@c2d-console/core';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactElement, type ReactNode } from 'react';
import { Avatar } from './Avatar.js';
import { clientCardStrings } from './clientCardStrings.js';
import { ClientComment } from './ClientComment.js';
import { clientDisplayName } from './clientDisplayName.js';
import { ClientTags } from './ClientTags.js';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import { ErrorState } from './ErrorState.js';
import { formatPhone } from './formatPhone.js';
import { LoadingState } from './LoadingState.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { useClient } from './useClient.js';

/**
 * Props of {@link ClientCard}: its own, and any prop of its root `<div>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface ClientCardProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  clientId: number;
  /** Labels of the account's custom fields by field id (Chat2Desk's API names them by id only). */
  fieldLabels?: Readonly<Record<string, string>>;
  /** Level of the card's heading, the client's name (default 3), to fit the host page's outline. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Put under the heading: the host's own links and buttons (open the lead, call). */
  children?: ReactNode;
  className?: string;
  locale?: ConsoleLocale;
}

/**
 * The client as an operator works with them in the CRM: the name Chat2Desk shows (and the
 * client's own, when an operator gave another), the phone, the comment (edited in place: Edit,
 * Save or Ctrl+Enter, Cancel or Escape; shown at once, rolled back if the proxy refuses), the
 * extra comments, the custom fields, and the tags as chips to remove or add from the account's
 * tags. Loading, error (with Retry) and "not found" states; a seat the proxy refuses (403) sees
 * why, and that control stays off. The ref is the root `<div>`.
 */
export const ClientCard = /* @__PURE__ */ forwardRef<HTMLDivElement, ClientCardProps>(function ClientCard(
  { clientId, fieldLabels, headingLevel = 3, children, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(clientCardStrings, locale);
  const id = useId();
  const query = useClient(clientId);
  const client = query.data;
  const Heading = `h${headingLevel}` as const;

  let body: ReactNode;
  if (query.isPending) {
    body = <LoadingState label={strings.cardLoading} rows={4} />;
  } else if (!client) {
    const notFound = isConsoleApiError(query.error) && query.error.code === 'not_found';
    body = (
      <ErrorState
        title={notFound ? strings.cardNotFound : strings.cardError}
        error={notFound ? null : query.error}
        onRetry={() => void query.refetch()}
        locale={locale}
      />
    );
  } else {
    const name = clientDisplayName(client);
    const fields: Array<[string, string | null]> = [
      [strings.cardName, client.assignedName && client.name && client.name !== name ? client.name : null],
      [strings.cardPhone, client.phone && formatPhone(client.phone)],
      ...([1, 2, 3] as const).map((n): [string, string | null] => [strings.cardExtraComment(n), client[`extraComment${n}` as const]]),
      ...Object.entries(client.customFields).map(([field, value]): [string, string | null] => [fieldLabels?.[field] ?? field, value]),
    ];
    body = (
      <>
        <div className="c2d-client-card__head">
          <Avatar client={client} name={name} />
          <Heading id={`${id}name`}>{name}</Heading>
        </div>
        {children}
        <dl>
          {fields
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <ClientComment key={`comment${client.id}`} client={client} strings={strings} />
        <ClientTags key={`tags${client.id}`} client={client} strings={strings} locale={locale} />
      </>
    );
  }

  return (
    <div
      // Named by the client's name; a host's own name or role wins.
      role={client ? 'group' : undefined}
      aria-labelledby={client ? `${id}name` : undefined}
      {...rootProps}
      ref={ref}
      className={cx('c2d', 'c2d-client-card', className)}
      data-state={query.status}
    >
      {body}
    </div>
  );
});
