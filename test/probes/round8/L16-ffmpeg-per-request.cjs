const http = require('node:http');
const { spawn } = require('node:child_process');

// Live MJPEG preview of a camera: ffmpeg pulls the RTSP stream and writes JPEG frames.
http
  .createServer((req, res) => {
    const camera = new URL(req.url ?? '/', 'http://x').searchParams.get('cam') ?? '1';
    const ffmpeg = spawn('ffmpeg', ['-i', `rtsp://cams.local/${camera}`, '-f', 'mjpeg', '-q:v', '5', 'pipe:1']);
    res.writeHead(200, { 'content-type': 'multipart/x-mixed-replace; boundary=frame' });
    ffmpeg.stdout.on('data', (frame) => res.write(frame));
    ffmpeg.stderr.on('data', () => {});
  })
  .listen(8080);
