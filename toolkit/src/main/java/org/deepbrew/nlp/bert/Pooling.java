package org.deepbrew.nlp.bert;

/** How a classifier turns a sequence of token vectors into one sentence vector. */
public enum Pooling {
    /** The [CLS] token's last hidden state. */
    CLS,
    /** BERT's pooler (dense + tanh on [CLS]); needs an encoder with a pooler. */
    POOLER,
    /** The mean of the real tokens' hidden states: what sentence-transformer models such as MiniLM were trained for. */
    MEAN
}
