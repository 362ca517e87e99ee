const http = require('node:http');
const { spawn } = require('node:child_process');

/** Ask a child to stop, then force it after a grace period. */
function stop(child, signal = 'SIGTERM') {
  child.kill(signal);
  setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2_000).unref();
}

// Live MJPEG preview of a camera: ffmpeg pulls the RTSP stream and writes JPEG frames,
// until the viewer goes away.
http
  .createServer((req, res) => {
    const camera = new URL(req.url ?? '/', 'http://x').searchParams.get('cam') ?? '1';
    const ffmpeg = spawn('ffmpeg', ['-i', `rtsp://cams.local/${camera}`, '-f', 'mjpeg', '-q:v', '5', 'pipe:1']);
    res.writeHead(200, { 'content-type': 'multipart/x-mixed-replace; boundary=frame' });
    ffmpeg.stdout.on('data', (frame) => res.write(frame));
    ffmpeg.stderr.on('data', () => {});
    res.on('close', () => stop(ffmpeg));
  })
  .listen(8080);
