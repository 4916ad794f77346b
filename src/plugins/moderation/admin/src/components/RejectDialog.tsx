import { Box, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import * as React from 'react';
import {
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  type RejectionReason,
} from '../../../server/src/domain/vocabulary';
import { useDeskText } from '../i18n';

export interface RejectDialogProps {
  /** How many comments are rejected (1 from a card, more from a selection). */
  count: number;
  /** The reason screening suggested, preselected. */
  suggested: RejectionReason | null;
  onConfirm(reason: RejectionReason, note: string): void;
  onClose(): void;
}

/**
 * Rejecting with a reason: the suggested one chosen already, so `r` then Enter rejects. Reasons
 * are radio buttons (arrow keys move between them); the note is optional.
 */
export function RejectDialog({ count, suggested, onConfirm, onClose }: RejectDialogProps) {
  const { t, label, language } = useDeskText();
  const [reason, setReason] = React.useState<RejectionReason>(suggested ?? 'other');
  const [note, setNote] = React.useState('');
  const chosen = React.useRef<HTMLInputElement>(null);
  const submit = (event?: React.FormEvent) => {
    event?.preventDefault();
    onConfirm(reason, note.trim());
  };
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content
        dir={language === 'fa' ? 'rtl' : 'ltr'}
        // The chosen reason takes the focus (not the close button): Enter then rejects at once.
        onOpenAutoFocus={(event: Event) => {
          event.preventDefault();
          chosen.current?.focus();
        }}
      >
        {/* The modal is portalled outside the page: it takes the direction itself. */}
        <form onSubmit={submit} data-desk="reject-dialog" dir={language === 'fa' ? 'rtl' : 'ltr'}>
          <Modal.Header closeLabel={t('close')}>
            <Modal.Title>{count === 1 ? t('reject.title') : t('reject.titleMany', { count })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {/* The body scrolls in a Radix ScrollArea, which sets its own dir (ltr by default). */}
            <Flex direction="column" alignItems="stretch" gap={4} dir={language === 'fa' ? 'rtl' : 'ltr'}>
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <Typography variant="pi" fontWeight="bold">
                    {t('reject.reason')}
                  </Typography>
                </legend>
                <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
                  {REJECTION_REASONS.map((value) => (
                    <Box key={value} tag="label" style={{ cursor: 'pointer' }}>
                      <Flex gap={2}>
                        <input
                          type="radio"
                          name="rejectionReason"
                          value={value}
                          checked={reason === value}
                          ref={reason === value ? chosen : undefined}
                          onChange={() => setReason(value)}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter') submit(event);
                          }}
                        />
                        <Typography>{label(REJECTION_REASON_LABELS[value])}</Typography>
                      </Flex>
                    </Box>
                  ))}
                </Flex>
              </fieldset>
              <Field.Root name="moderationNote">
                <Field.Label>{t('reject.note')}</Field.Label>
                <Textarea
                  value={note}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
                  onKeyDown={(event: React.KeyboardEvent) => {
                    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
                  }}
                />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" type="button" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button variant="danger" type="submit" data-desk="reject-confirm">
              {t('reject.confirm')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}
