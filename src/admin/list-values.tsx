import { Typography } from '@strapi/design-system';
import type { StrapiApp } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ENUM_VALUE_LABELS } from './translations/labels';

interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}

/**
 * One value of an enumeration field in a list cell, as the interface language names it: the
 * message whose id is the bare value (./translations/labels.ts), as the edit view's select reads
 * it. A value we do not name is shown as it is.
 */
function EnumerationValue({ value }: { value: unknown }) {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  const label = Object.hasOwn(ENUM_VALUE_LABELS, value) ? ENUM_VALUE_LABELS[value] : null;
  return (
    <Typography textColor="neutral800" ellipsis>
      {label ? formatMessage({ id: value, defaultMessage: label.en }) : value}
    </Typography>
  );
}

/**
 * The list view prints an enumeration's raw value (`pending`, `news_agency`) in every language,
 * while the edit view names it. Enumeration columns get a cell that names the value; columns a
 * plugin already formats are left alone.
 */
export function translateEnumerationCells(app: StrapiApp): void {
  app.registerHook(
    'Admin/CM/pages/ListView/inject-column-in-table',
    ({ displayedHeaders, layout }: { displayedHeaders: ListHeader[]; layout: unknown }) => ({
      displayedHeaders: displayedHeaders.map((header) =>
        header.attribute?.type === 'enumeration' && !header.cellFormatter
          ? {
              ...header,
              cellFormatter: (row: Record<string, unknown>) => <EnumerationValue value={row[header.name]} />,
            }
          : header,
      ),
      layout,
    }),
  );
}
