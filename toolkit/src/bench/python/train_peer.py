#!/usr/bin/python3
"""PyTorch peer of org.deepbrew.bench.TrainBench: same networks, batch 128, Adam, Fashion-MNIST
read from the same IDX files, 2 threads; prints the same keys."""
import argparse, gzip, os, struct, time
import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(dirname, base):
    for name in (base + ".gz", base):
        p = os.path.join(dirname, name)
        if os.path.exists(p):
            return p
    raise SystemExit("no %s(.gz) in %s" % (base, dirname))


def cnn():
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(),
                         nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))


def throughput(model, x, y, batches, warmup):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(1)
    order = torch.randperm(x.shape[0], generator=g)
    items, start = 0, None
    for i in range(batches + warmup):
        if i == warmup:
            start, items = time.perf_counter(), 0
        idx = order[(i * 128) % (x.shape[0] - 128):][:128]
        xb, yb = x[idx], y[idx]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        loss.item()
        items += xb.shape[0]
    return items / (time.perf_counter() - start)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("FASHION_MNIST_DIR", ""))
    ap.add_argument("--cnn-batches", type=int, default=150)
    ap.add_argument("--mlp-batches", type=int, default=400)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    t0 = time.perf_counter()
    x = torch.from_numpy(read_idx(find(a.data, "train-images-idx3-ubyte")).astype(np.float32) / 255.0)
    x = x.reshape(-1, 1, 28, 28).contiguous()
    y = torch.from_numpy(read_idx(find(a.data, "train-labels-idx1-ubyte")).astype(np.int64))
    print("torch=%s threads=%d" % (torch.__version__, torch.get_num_threads()))
    print("data_load_seconds=%.2f (%d images)" % (time.perf_counter() - t0, x.shape[0]))
    c = throughput(cnn(), x, y, a.cnn_batches, a.warmup)
    m = throughput(mlp(), x, y, a.mlp_batches, a.warmup)
    fwd = 2.0 * (26 * 26 * 32 * 9 + 11 * 11 * 64 * 9 * 32 + 3 * 3 * 64 * 9 * 64 + 576 * 64 + 64 * 10)
    print("cnn_images_per_second=%.0f" % c)
    print("mlp_images_per_second=%.0f" % m)
    print("cnn_gflops=%.2f" % (c * 3 * fwd / 1e9))
    n = 1024
    A, B = torch.rand(n, n), torch.rand(n, n)
    A @ B
    t = time.perf_counter()
    for _ in range(20):
        A @ B
    print("matmul_gflops=%.2f" % (2.0 * n ** 3 * 20 / (time.perf_counter() - t) / 1e9))


if __name__ == "__main__":
    main()
