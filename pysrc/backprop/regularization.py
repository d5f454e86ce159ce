"""L2 regularisation, or weight decay: a cost for large weights, added to the loss.

With λ = weight_decay ≥ 0 the network is trained to make the penalised loss small,

    L_total = L + (λ/2) Σ_l ‖W^[l]‖²,        ‖W‖² = Σ_jk W_jk²  (every weight squared).

The penalty depends on the weights only, not on Z, so δ and BP1–BP3 are unchanged and
BP4 gains one term:

    ∂L_total/∂W^[l] = (A^[l-1])ᵀ δ^[l] + λ W^[l]     (n_{l-1}, n_l)
    ∂L_total/∂b^[l] = Σ_rows δ^[l]                   (n_l,)   biases are not penalised

SGD(learning_rate=η, weight_decay=λ) uses that gradient. Its step is
W ← W − η (dW + λW) = (1 − ηλ) W − η dW: every weight first shrinks ("decays") by the
factor 1 − ηλ, then takes the usual step.
"""

import numpy as np


def l2_penalty(network, weight_decay):
    """(λ/2) Σ_l ‖W^[l]‖² for λ = weight_decay: add it to the loss to get L_total."""
    return 0.5 * weight_decay * float(sum(np.sum(layer.W**2) for layer in network.layers))
