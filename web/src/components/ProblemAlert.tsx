import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api.ts';

/**
 * Shows a refused or failed request as the server explained it (RFC 9457 `detail`, in the language on screen), with
 * the error code and request id a help desk asks for.
 */
export function ProblemAlert({ error, onRetry, style }: { error: unknown; onRetry?: () => void; style?: React.CSSProperties }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const language = i18n.language === 'en' ? 'en' : 'vi';
  let message: string;
  if (!problem) message = t('problem.unexpected');
  else if (problem.code === 'NETWORK_ERROR') message = t('problem.network');
  else message = problem.messageIn(language) ?? t('problem.unexpected');
  const fieldErrors = problem?.problem.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={problem?.problem.title ?? t('problem.title')}
      description={
        <>
          <div>{message}</div>
          {fieldErrors.length > 0 && (
            <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
              {fieldErrors.map((field) => (
                <li key={field.path}>
                  <span className="mono">{field.path.replace(/^body\//, '')}</span>: {field.message}
                </li>
              ))}
            </ul>
          )}
          {problem && problem.code !== 'NETWORK_ERROR' && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('problem.reference', { code: problem.code, requestId: problem.problem.requestId ?? '—' })}
            </Typography.Text>
          )}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
