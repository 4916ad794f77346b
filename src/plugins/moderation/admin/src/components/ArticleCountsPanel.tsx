import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { NavLink } from 'react-router-dom';
import { useDeskText } from '../i18n';
import { deskPath, PERMISSIONS } from '../routes';

const ARTICLE_UID = 'api::article.article';

interface ArticleCounts {
  total: number;
  pending: number;
  published: number;
  approved: number;
  rejected: number;
}

/** The content manager's side-panel contract (not re-exported by @strapi/strapi/admin). */
type PanelComponent = (props: {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string | null };
}) => { title: string; content: React.ReactNode } | null;

function useCanReadQueue(): boolean {
  const permissions = useAuth('khabar-article-counts', (state) => state.permissions);
  return permissions.some((permission) => permission.action === PERMISSIONS.read[0].action);
}

function Count({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <Flex direction="column" alignItems="center" gap={1} flex="1" data-count={name}>
      <Typography variant="beta" tag="span">
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
    </Flex>
  );
}

/** The three counts of one article and the way to its pending comments in the desk. */
function ArticleCounts({ documentId }: { documentId: string }) {
  const { t, dir, number } = useDeskText();
  const { get } = useFetchClient();
  const [counts, setCounts] = React.useState<ArticleCounts | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let current = true;
    get<{ data: ArticleCounts }>(`/moderation/articles/${documentId}/counts`)
      .then((response) => {
        if (current) setCounts(response.data.data);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [documentId, get]);
  if (failed) return <Typography textColor="danger600">{t('articlePanel.failed')}</Typography>;
  if (!counts) return null;
  return (
    <Box width="100%" dir={dir} data-khabar="article-counts">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2}>
          <Count name="total" label={t('articlePanel.total')} value={number(counts.total)} />
          <Count name="pending" label={t('articlePanel.pending')} value={number(counts.pending)} />
          <Count name="published" label={t('articlePanel.published')} value={number(counts.published)} />
        </Flex>
        <Typography variant="pi" textColor="neutral600" textAlign="center">
          {t('articlePanel.rejected', { count: counts.rejected })}
        </Typography>
        <Link tag={NavLink} to={deskPath({ article: documentId, status: 'pending' })} data-khabar="article-desk-link">
          {t('articlePanel.open')}
        </Link>
      </Flex>
    </Box>
  );
}

/**
 * The article edit view's side panel: all comments, those awaiting review and those published,
 * exact, for holders of the queue permission (the route checks it again).
 */
export const ArticleCountsPanel: PanelComponent = ({ model, documentId, document }) => {
  const { t } = useDeskText();
  const allowed = useCanReadQueue();
  if (model !== ARTICLE_UID || !documentId || !allowed) return null;
  return {
    title: t('articlePanel.title'),
    // Read again after each save of the article.
    content: <ArticleCounts key={document?.updatedAt ?? ''} documentId={documentId} />,
  };
};
