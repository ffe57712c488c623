"""Draws the toolbar icons (a rising bar closing a gap) as PNGs with the standard library only."""
import struct, zlib, sys, os

def png(size, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')

def pixel(x, y, s):
    u, v = (x + 0.5) / s, (y + 0.5) / s
    r = 0.18
    # rounded square background
    dx, dy = max(abs(u - 0.5) - (0.5 - r), 0), max(abs(v - 0.5) - (0.5 - r), 0)
    if dx * dx + dy * dy > r * r:
        return (0, 0, 0, 0)
    bars = [(0.18, 0.34, 0.62), (0.42, 0.58, 0.42), (0.66, 0.82, 0.22)]
    for left, right, top in bars:
        if left <= u <= right and top <= v <= 0.82:
            return (255, 255, 255, 255)
    return (10, 102, 194, 255)

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for size in (16, 48, 128):
    with open(os.path.join(out, f'icon-{size}.png'), 'wb') as f:
        f.write(png(size, pixel))
