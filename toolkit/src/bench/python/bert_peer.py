#!/usr/bin/python3
"""PyTorch peer of the throughput part of org.deepbrew.bench.BertBench: a BERT encoder of the
same shape (MiniLM-L6 by default: hidden 384, 6 post-LayerNorm layers, 12 heads, feed-forward
1536, exact erf GELU), mean pooling over real tokens and a 2-class dense head, random weights
(weights do not change the speed), batch 32 x length 64, 2 threads. Fine-tuning is AdamW
(lr 1e-4, weight decay 0.01), gradients clipped to norm 1, dropout 0.1; inference runs in eval
mode without autograd. Prints the same keys as BertBench."""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, hidden, heads, inner, dropout, eps):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attention_output = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=eps)
        self.intermediate = nn.Linear(hidden, inner)
        self.output = nn.Linear(inner, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)

    def split(self, x):
        b, n, h = x.shape
        return x.view(b, n, self.heads, h // self.heads).transpose(1, 2)

    def forward(self, x, bias):
        b, n, h = x.shape
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(h // self.heads) + bias
        context = self.dropout(scores.softmax(-1)) @ v
        context = context.transpose(1, 2).reshape(b, n, h)
        a = self.attention_norm(x + self.dropout(self.attention_output(context)))
        inner = F.gelu(self.intermediate(a))  # exact, erf-based
        return self.output_norm(a + self.dropout(self.output(inner)))


class Classifier(nn.Module):
    def __init__(self, vocab, hidden, layers, heads, inner, positions, dropout, classes, eps=1e-12):
        super().__init__()
        self.words = nn.Embedding(vocab, hidden)
        self.positions = nn.Embedding(positions, hidden)
        self.types = nn.Embedding(2, hidden)
        self.norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(hidden, heads, inner, dropout, eps) for _ in range(layers))
        self.head = nn.Linear(hidden, classes)

    def forward(self, ids, types, mask):
        n = ids.shape[1]
        pos = torch.arange(n, device=ids.device)
        x = self.dropout(self.norm(self.words(ids) + self.types(types) + self.positions(pos)))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in self.layers:
            x = layer(x, bias)
        m = mask.unsqueeze(2).float()
        sentence = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.dropout(sentence))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--length", type=int, default=64)
    ap.add_argument("--train-steps", type=int, default=4)
    ap.add_argument("--inference-rounds", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = Classifier(30522, 384, 6, 12, 1536, 512, 0.1, 2)
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(1, 30522, (args.batch, args.length), generator=g)
    types = torch.zeros_like(ids)
    mask = torch.ones_like(ids)
    labels = torch.randint(0, 2, (args.batch,), generator=g)
    print("torch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(),
                                        torch.__config__.parallel_info().splitlines()[0]))

    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
    model.train()

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(ids, types, mask), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    step()  # warm-up
    start = time.perf_counter()
    for _ in range(args.train_steps):
        step()
    seconds = time.perf_counter() - start
    print("finetune_sequences_per_second=%.1f" % (args.train_steps * args.batch / seconds))

    model.eval()
    with torch.no_grad():
        model(ids, types, mask)  # warm-up
        start = time.perf_counter()
        for _ in range(args.inference_rounds):
            model(ids, types, mask)
        seconds = time.perf_counter() - start
    print("inference_sequences_per_second=%.1f" % (args.inference_rounds * args.batch / seconds))


if __name__ == "__main__":
    main()
