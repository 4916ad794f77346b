import { Box, Button, Field, Flex, Grid, LinkButton, TextInput, Typography } from '@strapi/design-system';
import { Check, Message } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { NavLink } from 'react-router-dom';
import { useDeskText } from '../../i18n';
import { deskPath, PERMISSIONS } from '../../routes';
import { AutomationSection } from './AutomationSection';
import {
  draftOf,
  type ModerationSettings,
  type NumberField,
  requestOf,
  type SettingsDraft,
  type SettingsMeta,
  sameDraft,
} from './settings-form';
import { TryTextBox } from './TryTextBox';
import { WordListSection } from './WordListSection';

interface SettingsResponse {
  data: ModerationSettings;
  meta?: SettingsMeta;
}

/** A refusal of PUT /moderation/settings: one entry per refused setting. */
interface FieldRefusal {
  path: string[];
  messages: { fa: string; en: string };
}

/** The server's refusals by the form field they belong to (rateLimit's go to both of its fields). */
function refusalsByField(error: unknown, language: 'fa' | 'en'): Record<string, string> {
  const details = (error as { response?: { data?: { error?: { details?: { errors?: FieldRefusal[] } } } } })?.response
    ?.data?.error?.details;
  const byField: Record<string, string> = {};
  for (const refusal of details?.errors ?? []) {
    const field = refusal.path[0] ?? '';
    const text = refusal.messages?.[language] ?? refusal.messages?.en ?? '';
    if (field === 'rateLimit') {
      byField.perMinute = text;
      byField.perHour = text;
    } else byField[field] = text;
  }
  return byField;
}

function NumberSetting({
  field,
  label,
  hint,
  value,
  error,
  disabledNote,
  onChange,
}: {
  field: NumberField;
  label: string;
  hint: string;
  value: string;
  error?: string;
  disabledNote?: string;
  onChange: (field: NumberField, value: string) => void;
}) {
  return (
    <Field.Root name={field} error={error} hint={disabledNote ?? hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        inputMode="decimal"
        dir="ltr"
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(field, event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

interface NumberSettingItem {
  field: NumberField;
  label: string;
  hint: string;
  /** Why the field cannot be changed here (an environment variable fixes it), shown as its hint. */
  disabledNote?: string;
}

/** One row of number settings, sharing the row's width equally. */
function NumberSettingsRow({
  items,
  values,
  errors,
  onChange,
}: {
  items: NumberSettingItem[];
  values: Record<NumberField, string>;
  errors: Record<string, string>;
  onChange: (field: NumberField, value: string) => void;
}) {
  return (
    <Grid.Root gap={4}>
      {items.map((item) => (
        <Grid.Item key={item.field} col={12 / items.length} s={12} direction="column" alignItems="stretch">
          <NumberSetting {...item} value={values[item.field]} error={errors[item.field]} onChange={onChange} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
}

/** The screening settings, under Settings → Comment moderation (permission api::moderation.settings). */
export function SettingsPage() {
  const { t, dir, language, number } = useDeskText();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [saved, setSaved] = React.useState<ModerationSettings | null>(null);
  const [meta, setMeta] = React.useState<SettingsMeta>({});
  const [draft, setDraft] = React.useState<SettingsDraft | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [loadFailed, setLoadFailed] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const {
    allowedActions: { canRead: canOpenDesk },
  } = useRBAC({ read: PERMISSIONS.read });

  React.useEffect(() => {
    get<SettingsResponse>('/moderation/settings')
      .then((response) => {
        setSaved(response.data.data);
        setMeta(response.data.meta ?? {});
        setDraft(draftOf(response.data.data));
      })
      .catch(() => setLoadFailed(true));
  }, [get]);

  if (loadFailed) return <Page.Error />;
  if (!saved || !draft) return <Page.Loading />;

  const unsaved = !sameDraft(draft, draftOf(saved));
  const setNumber = (field: NumberField, value: string) =>
    setDraft({ ...draft, numbers: { ...draft.numbers, [field]: value } });
  const fixed = meta.environment?.rateLimit;
  const fixedNote = (value: number | null | undefined, variable: string) =>
    value === null || value === undefined ? undefined : t('rateLimit.fixed', { variable, value: number(value) });

  const save = async () => {
    setSaving(true);
    try {
      const response = await put<SettingsResponse>('/moderation/settings', requestOf(draft));
      setSaved(response.data.data);
      setMeta(response.data.meta ?? meta);
      setDraft(draftOf(response.data.data));
      setErrors({});
      toggleNotification({ type: 'success', message: t('settings.saved') });
    } catch (error) {
      setErrors(refusalsByField(error, language));
      toggleNotification({ type: 'danger', message: t('settings.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('settings.title')}</Page.Title>
      <Box dir={dir} data-khabar="moderation-settings">
        <Layouts.Header
          title={t('settings.title')}
          subtitle={t('settings.subtitle')}
          primaryAction={
            <Flex gap={2}>
              {unsaved ? (
                <Typography variant="pi" textColor="warning700" data-khabar="unsaved">
                  {t('settings.unsaved')}
                </Typography>
              ) : null}
              <Button startIcon={<Check />} onClick={save} loading={saving} disabled={!unsaved}>
                {t('settings.save')}
              </Button>
            </Flex>
          }
          secondaryAction={
            canOpenDesk ? (
              <LinkButton tag={NavLink} to={deskPath({ status: 'pending' })} variant="tertiary" startIcon={<Message />}>
                {t('settings.openDesk')}
              </LinkButton>
            ) : undefined
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <WordListSection
                terms={draft.blocklist}
                savedTerms={saved.blocklist}
                onChange={(blocklist) => setDraft({ ...draft, blocklist })}
                error={errors.blocklist}
              />
            </Box>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <AutomationSection
                autoReject={draft.autoReject}
                onChange={(autoReject) => setDraft({ ...draft, autoReject })}
                error={errors.autoReject}
              />
            </Box>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {t('thresholds.title')}
                </Typography>
                <NumberSettingsRow
                  items={[
                    {
                      field: 'relevanceThreshold',
                      label: t('thresholds.relevance'),
                      hint: t('thresholds.relevanceHint'),
                    },
                    { field: 'maxLinks', label: t('thresholds.maxLinks'), hint: t('thresholds.maxLinksHint') },
                    {
                      field: 'duplicateWindowMinutes',
                      label: t('thresholds.duplicateWindow'),
                      hint: t('thresholds.duplicateWindowHint'),
                    },
                  ]}
                  values={draft.numbers}
                  errors={errors}
                  onChange={setNumber}
                />
                <Typography variant="delta" tag="h2">
                  {t('readers.title')}
                </Typography>
                <NumberSettingsRow
                  items={[
                    {
                      field: 'closeCommentsAfterDays',
                      label: t('readers.closeAfterDays'),
                      hint: t('readers.closeAfterDaysHint'),
                    },
                    {
                      field: 'reportThreshold',
                      label: t('readers.reportThreshold'),
                      hint: t('readers.reportThresholdHint'),
                    },
                  ]}
                  values={draft.numbers}
                  errors={errors}
                  onChange={setNumber}
                />
                <Typography variant="delta" tag="h2">
                  {t('rateLimit.title')}
                </Typography>
                <NumberSettingsRow
                  items={[
                    {
                      field: 'perMinute',
                      label: t('rateLimit.perMinute'),
                      hint: t('rateLimit.hint'),
                      disabledNote: fixedNote(fixed?.perMinute, 'COMMENT_RATE_LIMIT_PER_MINUTE'),
                    },
                    {
                      field: 'perHour',
                      label: t('rateLimit.perHour'),
                      hint: t('rateLimit.hint'),
                      disabledNote: fixedNote(fixed?.perHour, 'COMMENT_RATE_LIMIT_PER_HOUR'),
                    },
                  ]}
                  values={draft.numbers}
                  errors={errors}
                  onChange={setNumber}
                />
              </Flex>
            </Box>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <TryTextBox autoReject={saved.autoReject} unsaved={unsaved} />
            </Box>
          </Flex>
        </Layouts.Content>
      </Box>
    </Page.Main>
  );
}

/** The page as Strapi's settings router loads it, behind the settings permission. */
export default function ProtectedSettingsPage() {
  return (
    <Page.Protect permissions={PERMISSIONS.settings}>
      <SettingsPage />
    </Page.Protect>
  );
}
