#!/usr/bin/python3
"""Checks a screenshot: PNG signature, expected size, and that it is not blank.

usage: png_check.py FILE WIDTH HEIGHT MIN_COLOURS
Decodes the PNG with zlib only (8-bit RGB/RGBA, as stb_image_write writes), counts distinct colours.
A blank or single-colour frame (broken GL, font texture missing) has only a handful.
"""
import struct
import sys
import zlib


def main():
    path, want_w, want_h, min_colours = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if (w, h) != (want_w, want_h):
        sys.exit(f"{path}: size {w}x{h}, expected {want_w}x{want_h}")
    if depth != 8 or colour_type not in (2, 6):
        sys.exit(f"{path}: unexpected PNG format depth={depth} colour_type={colour_type}")
    bpp = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:  # sampling every 4th row is plenty to tell a real frame from a blank one
            for x in range(0, stride, bpp):
                colours.add(bytes(line[x:x + 3]))
        prev = line
    if len(colours) < min_colours:
        sys.exit(f"{path}: only {len(colours)} distinct colours (< {min_colours}): blank frame?")
    print(f"{path}: {w}x{h}, {len(colours)} colours")


main()
