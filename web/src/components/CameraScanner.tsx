/**
 * Reads a QR code with the device's camera, in the browser: frames from a <video> are drawn on a canvas and decoded
 * with jsQR. Nothing leaves the device but the decoded text. Browsers give the camera only to secure pages (https or
 * localhost); elsewhere the reason is shown and the scanner field still works.
 */
import { Alert } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Frames are scaled down to this width: enough for a card QR held 15–30 cm away, and cheap on a phone. */
const DECODE_WIDTH = 640;

export default function CameraScanner({ onDecode }: { onDecode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  // The latest callback, without restarting the camera whenever the parent renders.
  const decoded = useRef(onDecode);
  decoded.current = onDecode;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const scan = () => {
      if (stopped) return;
      const element = video.current;
      if (element && context && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, DECODE_WIDTH / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (code && code.data) {
          stopped = true;
          decoded.current(code.data);
          return;
        }
      }
      frame = requestAnimationFrame(scan);
    };

    if (!window.isSecureContext) {
      setProblem(t('scanner.cameraInsecure'));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play().catch(() => undefined);
        }
        frame = requestAnimationFrame(scan);
      })
      .catch((error: Error) => setProblem(error.name === 'NotAllowedError' ? t('scanner.cameraDenied') : t('scanner.cameraUnavailable')));

    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  if (problem) return <Alert type="warning" showIcon title={problem} />;
  return (
    <>
      <video ref={video} muted playsInline aria-label={t('scanner.cameraView')} style={{ width: '100%', borderRadius: 8, background: '#111' }} />
      <p style={{ marginTop: 8 }}>{t('scanner.cameraHint')}</p>
    </>
  );
}
