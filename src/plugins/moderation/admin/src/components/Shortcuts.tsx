import { Box, Flex, Typography } from '@strapi/design-system';
import { useDeskText } from '../i18n';
import { SHORTCUTS } from '../lib/keys';

/** The keyboard shortcuts, always on the page (from the same table the handler reads). */
export function Shortcuts() {
  const { t } = useDeskText();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-desk="shortcuts">
      <Typography variant="sigma" textColor="neutral600" tag="h2">
        {t('shortcuts.title')}
      </Typography>
      <dl style={{ margin: 0 }}>
        {SHORTCUTS.map(({ keys, command }) => (
          <Flex key={command} gap={2} paddingTop={2}>
            <dt style={{ minWidth: 56 }}>
              {keys.map((key) => (
                <kbd
                  key={key}
                  dir="ltr"
                  style={{
                    border: '1px solid #ccc',
                    borderRadius: 4,
                    padding: '0 6px',
                    marginInlineEnd: 4,
                    fontFamily: 'monospace',
                    background: '#f6f6f9',
                  }}
                >
                  {key}
                </kbd>
              ))}
            </dt>
            <dd style={{ margin: 0 }}>
              <Typography variant="pi">{t(`shortcut.${command}`)}</Typography>
            </dd>
          </Flex>
        ))}
      </dl>
    </Box>
  );
}
