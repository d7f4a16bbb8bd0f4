/**
 * The field a keyboard-wedge scanner types into (it "types" the QR content and presses Enter), that also takes a
 * paste, and offers the phone's camera. A scan is handed over once: on Enter, on paste, or on a camera decode.
 *
 * Scanners add a byte-order mark in front and CR/LF or a tab at the end; they are removed here (the server removes
 * them too, registry card-qr.ts). The field keeps focus between scans so that the next card can be scanned at once.
 */
import { CameraOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, type InputRef } from 'antd';
import { forwardRef, lazy, Suspense, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading.tsx';

const CameraScanner = lazy(() => import('./CameraScanner.tsx'));

export function cleanScan(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/[\r\n\t]+$/, '').replace(/^[\r\n\t]+/, '');
}

export interface ScannerInputHandle {
  focus(): void;
  clear(): void;
}

export const ScannerInput = forwardRef<ScannerInputHandle, { onScan: (text: string) => void; disabled?: boolean; size?: 'middle' | 'large'; id?: string; autoFocus?: boolean; label: string; inputMode?: 'none' | 'text' }>(
  function ScannerInput({ onScan, disabled, size = 'large', id = 'scan-input', autoFocus = true, label, inputMode }, ref) {
    const { t } = useTranslation();
    const [value, setValue] = useState('');
    const [camera, setCamera] = useState(false);
    const input = useRef<InputRef>(null);
    useImperativeHandle(ref, () => ({ focus: () => input.current?.focus(), clear: () => setValue('') }), []);
    const cameraAvailable = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

    const submit = (raw: string) => {
      const text = cleanScan(raw);
      if (text === '') return;
      setValue('');
      onScan(text);
    };

    return (
      <>
        <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
          {label}
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id={id}
            ref={input}
            size={size}
            value={value}
            disabled={disabled}
            autoFocus={autoFocus}
            inputMode={inputMode}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('scanner.placeholder')}
            aria-describedby={`${id}-hint`}
            data-testid="scan-input"
            onChange={(event) => setValue(event.target.value)}
            onPaste={(event) => {
              const pasted = event.clipboardData.getData('text');
              if (pasted) {
                event.preventDefault();
                submit(pasted);
              }
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit(value);
              }
            }}
          />
          <Button size={size} type="primary" disabled={disabled || value.trim() === ''} onClick={() => submit(value)} data-testid="scan-submit">
            {t('scanner.check')}
          </Button>
        </Space.Compact>
        <div id={`${id}-hint`} style={{ marginTop: 6, color: 'rgba(0,0,0,0.68)' }}>
          {t('scanner.hint')}
        </div>
        {cameraAvailable && (
          <Button size={size} icon={<CameraOutlined />} style={{ marginTop: 12 }} onClick={() => setCamera(true)} disabled={disabled} data-testid="camera-open">
            {t('scanner.camera')}
          </Button>
        )}
        <Modal open={camera} title={t('scanner.cameraTitle')} onCancel={() => setCamera(false)} footer={null} destroyOnHidden width={520}>
          <Suspense fallback={<Loading />}>
            {camera && (
              <CameraScanner
                onDecode={(text) => {
                  setCamera(false);
                  submit(text);
                }}
              />
            )}
          </Suspense>
        </Modal>
      </>
    );
  },
);
