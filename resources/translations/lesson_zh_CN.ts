<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>alab::ui::ExplanationPanel</name>
    <message>
        <location filename="../../ui/lesson/explanation_panel.cpp" line="87"/>
        <source>Explanation of the step</source>
        <translation>本步讲解</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="182"/>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="125"/>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="184"/>
        <source>⋮  %1 more words</source>
        <translation>⋮  还有 %1 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="11"/>
        <source>The words become vectors</source>
        <translation>词变成向量</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="33"/>
        <source>This model also adds a positional encoding to every vector, so the same word at another place in the sentence gets different numbers.</source>
        <translation>这个模型还会给每个向量加上位置编码：同一个词出现在句子的不同位置，得到的数字也不同。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="82"/>
        <source>Queries, keys and values</source>
        <translation>查询、键和值</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="136"/>
        <source>Scores: how well do two words match?</source>
        <translation>打分：两个词有多匹配？</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="14"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁ and “%2” becomes x₂, each %3 numbers long. Stacked as rows, they form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，每个有 %3 个数。把它们按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="19"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁, “%2” becomes x₂, and so on up to %3, each %4 numbers long. Stacked as rows, the %5 vectors form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，依此类推直到 %3，每个有 %4 个数。把这 %5 个向量按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="24"/>
        <source>This model is untrained: its word table and all its weight matrices hold random numbers. The arithmetic of every step is real, but what the words attend to means nothing yet.</source>
        <translation>这个模型没有训练过：词表和所有权重矩阵里都是随机数。每一步的计算都是真的，但词与词之间的关注目前还没有意义。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="28"/>
        <source>The numbers of this example were chosen by hand, as in the article, so that the arithmetic is easy to follow. A real model learns them in training.</source>
        <translation>这个例子的数字和文章里一样是手工挑选的，便于跟着算。真正的模型要在训练中学出这些数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="37"/>
        <source>This model normalises first (pre-norm): attention reads X = LayerNorm(x), the word vectors scaled to mean 0 and variance 1 (tensor %1), not x itself.</source>
        <translation>这个模型先做归一化（pre-norm）：注意力读的是 X = LayerNorm(x)，即把词向量调整为均值 0、方差 1 之后的结果（张量 %1），而不是 x 本身。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="85"/>
        <source>Each word vector is multiplied by three weight matrices that were learned in training.</source>
        <translation>每个词向量分别乘以三个在训练中学到的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="87"/>
        <source>Each word vector is multiplied by three weight matrices, here random ones: the model is untrained.</source>
        <translation>每个词向量分别乘以三个权重矩阵；这里它们是随机的，因为模型没有训练过。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="89"/>
        <source>Each word vector is multiplied by three weight matrices, chosen by hand for this example.</source>
        <translation>每个词向量分别乘以三个为这个例子手工挑选的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="90"/>
        <source>X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and X·W^V a value (what it passes on).</source>
        <translation>X·W^Q 给每个词一个查询（它在找什么），X·W^K 给一个键（它能提供什么），X·W^V 给一个值（它要传递什么）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="94"/>
        <source>x has d_model = %1 numbers; q, k and v have d_k = %2. As in the paper, the %3 heads share the width: d_k = d_model / h = %1 / %3. The stage shows head %4.</source>
        <translation>x 有 d_model = %1 个数；q、k、v 各有 d_k = %2 个。和论文一样，%3 个头平分宽度：d_k = d_model / h = %1 / %3。舞台上显示的是第 %4 个头。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="98"/>
        <source>x has d_model = %1 numbers but q, k and v have d_k = %2, so W^Q is a %1 × %2 matrix. This model sets d_k itself instead of the paper’s d_model / h = %3; the article draws a small 4 × 3 W^Q.</source>
        <translation>x 有 d_model = %1 个数，而 q、k、v 各有 d_k = %2 个，所以 W^Q 是 %1 × %2 的矩阵。这个模型自己规定了 d_k，没有用论文的 d_model / h = %3；文章里画的是一个小小的 4 × 3 的 W^Q。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="140"/>
        <source>How much should “%1” look at each word? Take its query %2 and every key, multiply them number by number and add the products up: this is the dot product. Here %3. A larger score means a better match.</source>
        <translation>“%1”应该多关注每个词？取它的查询 %2 和每个键，逐个数相乘再把乘积加起来，这就是点积。这里 %3。分数越大，表示越匹配。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="190"/>
        <source>Scale by √dₖ</source>
        <translation>除以 √dₖ 缩放</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="194"/>
        <source>Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6.</source>
        <translation>把每个分数除以 √d_k = √%1 = %2：%3 变成 %4，%5 变成 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="198"/>
        <source>Why? Dot products of long vectors grow large. Softmax of large numbers is nearly all zeros and a single one; there its gradients almost vanish and the model learns very slowly.</source>
        <translation>为什么要这样做？向量越长，点积往往越大。对很大的数做 softmax，结果几乎全是 0，只有一个接近 1；这时梯度几乎消失，模型就很难学下去。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="10"/>
        <source>Softmax: scores become shares</source>
        <translation>Softmax：分数变成占比</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="28"/>
        <source>Subtract the largest score from each (this changes no share, but keeps the numbers small), raise e to the power of each, add the results, and divide each one by that sum.</source>
        <translation>先从每个分数里减去最大的那个（份额不变，但数字不会太大），再求 e 的这些次幂，把结果加起来，最后用每一项除以这个和。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="32"/>
        <source>The shares are positive and add up to 1: “%1” gives %2 of its attention to itself and %3 to “%4”.</source>
        <translation>这些份额都是正数，加起来等于 1：“%1”把 %2 的注意力给自己，%3 给“%4”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="36"/>
        <source>The shares are positive and add up to 1: “%1” gives %2 of its attention to itself, and its largest share of the other %3 words, %4, to “%5”.</source>
        <translation>这些份额都是正数，加起来等于 1：“%1”把 %2 的注意力给自己；在其余 %3 个词里，最大的一份 %4 给了“%5”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="42"/>
        <source>What if: without ÷√d_k softmax gets the raw scores, and the largest one takes almost everything.</source>
        <translation>假如不除以 √d_k：softmax 拿到的是原始分数，最大的那个几乎拿走全部份额。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="45"/>
        <source>What if: the scores are divided by a temperature T = %1 first. Below 1 the shares get sharper, above 1 more even.</source>
        <translation>假如先把分数除以温度 T = %1：T 小于 1 时份额更集中，大于 1 时更平均。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="93"/>
        <source>Multiply each word’s value vector by its share: %1. A word with a large share keeps most of its value; a word with a small share is turned down.</source>
        <translation>把每个词的值向量乘以它的份额：%1。份额大的词保留了大部分的值；份额小的词被调弱。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="200"/>
        <source>In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs along each row, and a second product with V mixes the values. Row i of Z is the z_i of step 7: the same numbers as step by step (largest difference %1).</source>
        <translation>实际计算时所有词一起算。一次矩阵乘法 QKᵀ 得到全部分数，softmax 沿每一行计算，再乘以 V 混合各个值。Z 的第 i 行就是第 7 步的 z_i：和逐步计算的数字相同（最大差 %1）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="90"/>
        <source>Weight the values</source>
        <translation>给值加权</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="134"/>
        <source>Add them up: z₁, then z₂</source>
        <translation>相加：先得 z₁，再得 z₂</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="137"/>
        <source>Adding the weighted values gives %1, the new vector for “%2”: it now carries information from the whole sentence, %3 words. The same steps for “%4” give its own shares (%5) and its vector %6.</source>
        <translation>把加权后的值相加，得到 %1，即“%2”的新向量：它现在带有整句话（%3 个词）的信息。对“%4”做同样的步骤，得到它自己的份额（%5）和它的向量 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="194"/>
        <source>All words at once: the matrix form</source>
        <translation>一次算完所有词：矩阵形式</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="15"/>
        <source>Why attention: an RNN reads word by word</source>
        <translation>为什么要注意力：RNN 逐词阅读</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="16"/>
        <source>Self-attention, step by step</source>
        <translation>自注意力，一步一步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="17"/>
        <source>The encoder layer: Add &amp; Norm and the FFN</source>
        <translation>编码器层：Add &amp; Norm 与前馈网络</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.h" line="71"/>
        <source>A score of −∞ comes from a mask: that word may not be looked at (it is padding, or a later word in a decoder). e^(−∞) = 0, so it gets a share of exactly 0.</source>
        <translation>−∞ 的分数来自掩码：这个词不允许被关注（它是填充，或者是解码器里后面的词）。e^(−∞) = 0，所以它的份额正好是 0。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/scene_builder.cpp" line="43"/>
        <source>%1 × %2 numbers in all</source>
        <translation>共 %1 × %2 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="229"/>
        <source>before:</source>
        <translation>之前：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="230"/>
        <source>after:</source>
        <translation>之后：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="237"/>
        <source>The residual stream</source>
        <translation>残差流</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="238"/>
        <source>Attention does not replace a word’s vector, it adds to it. What attention returns for “%1” is added, number by number, to the vector x that went in. This sum is the residual stream: each sublayer only adds a correction, and the original vector always gets through.</source>
        <translation>注意力并不替换词的向量，而是在它上面加一笔。注意力为“%1”算出的结果，逐个数地加到输入的向量 x 上。这个和就是残差流：每个子层只负责添上一点修正，原来的向量始终能直通过去。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="242"/>
        <source>In training the gradient flows back through the + unchanged, so even the first of many layers keeps learning.</source>
        <translation>训练时，梯度经过这个加号原样往回传，所以即使层数很多，最前面的层也照样能学习。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="245"/>
        <source>This model is pre-norm: attention reads LayerNorm(x), not x (next step), but what it returns is added to x itself.</source>
        <translation>这个模型是 pre-norm：注意力读的是 LayerNorm(x) 而不是 x（见下一步），但它的结果仍然加回到 x 本身上。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="265"/>
        <source>Add &amp; Norm: mean 0, variance 1</source>
        <translation>Add &amp; Norm：均值 0，方差 1</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="269"/>
        <source>LayerNorm rescales each word’s vector v on its own. It takes the mean μ and the variance σ² of its %1 numbers, subtracts μ and divides by σ. For “%2”: μ = %3 and σ² = %4 before; mean %5 and variance %6 after.</source>
        <translation>LayerNorm 对每个词的向量 v 单独做缩放：先求它 %1 个数的均值 μ 和方差 σ²，再减去 μ、除以 σ。对“%2”来说，之前 μ = %3、σ² = %4；之后均值为 %5，方差为 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="276"/>
        <source>Then every number is multiplied by a learned scale γ and shifted by a learned β. Here γ = 1 and β = 0, so y is the normalised row itself. Whatever the layer before did, the next one gets numbers of the same size.</source>
        <translation>然后每个数再乘以学到的缩放 γ、加上学到的平移 β。这里 γ = 1、β = 0，所以 y 就是归一化后的这一行。不管上一层算出了多大的数，下一层拿到的数都是同样的量级。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="279"/>
        <source>Then every number is multiplied by a learned scale γ and shifted by a learned β, so the model can choose another scale where it helps. Whatever the layer before did, the next one gets numbers of a known size.</source>
        <translation>然后每个数再乘以学到的缩放 γ、加上学到的平移 β，这样模型在需要时可以换一个尺度。不管上一层算出了多大的数，下一层拿到的数量级都是已知的。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="283"/>
        <source>In this pre-norm model the LayerNorm comes first: it normalises x before attention reads it, and the sum v of the previous step is left as it is.</source>
        <translation>在这个 pre-norm 模型里，LayerNorm 放在前面：它在注意力读取之前先把 x 归一化，而上一步的和 v 保持原样。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="297"/>
        <source>The feed-forward network: wider, then back</source>
        <translation>前馈网络：先变宽，再变回来</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="300"/>
        <source>Next, every word goes on its own through the same small network of two layers. “Position-wise” means that the words do not look at each other here: each row is done separately, with the same weights.</source>
        <translation>接下来，每个词各自通过同一个两层的小网络。“逐位置”的意思是：这里词与词之间互不相看，每一行单独计算，用的是同一套权重。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="303"/>
        <source>The first layer widens each vector. The paper goes from d_model = 512 to d_ff = 2048 = 4 × 512 numbers; this model goes from d_model = %1 to d_ff = %2 = %3 × %1. W₁, W₂ and their biases hold %4 numbers (the paper: %5).</source>
        <translation>第一层把每个向量变宽。论文里从 d_model = 512 变到 d_ff = 2048 = 4 × 512 个数；这个模型从 d_model = %1 变到 d_ff = %2 = %3 × %1。W₁、W₂ 和它们的偏置共有 %4 个数（论文：%5）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="326"/>
        <source>%1 → %2 numbers</source>
        <translation>%1 → %2 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="334"/>
        <source>ReLU: negative numbers become 0</source>
        <translation>ReLU：负数变成 0</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="335"/>
        <source>GELU: negative numbers are pressed towards 0</source>
        <translation>GELU：负数被压向 0</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="340"/>
        <source>The wide vector goes through ReLU, max(0, x): every negative number becomes 0 and every positive one passes unchanged. For “%1”, %2 of its %3 numbers were negative and are now 0; over all %4 words, %5 of %6.</source>
        <translation>变宽后的向量经过 ReLU，即 max(0, x)：负数都变成 0，正数原样通过。“%1”的 %3 个数里有 %2 个是负数，现在变成了 0；全部 %4 个词合计是 %6 个里有 %5 个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="346"/>
        <source>This model uses GELU instead of the paper’s ReLU: a negative number is not cut to 0 but pressed towards it. For “%1”, %2 of its %3 numbers were negative.</source>
        <translation>这个模型用 GELU 代替论文里的 ReLU：负数不是直接截成 0，而是被压向 0。“%1”的 %3 个数里有 %2 个是负数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="349"/>
        <source>Without this bend the two layers would be one matrix product, W₁·W₂, and could only compute linear functions.</source>
        <translation>如果没有这个拐弯，两层就等于一次矩阵乘法 W₁·W₂，只能算线性函数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="19"/>
        <source>Back to d_model, Add &amp; Norm again</source>
        <translation>第二次 Add &amp; Norm</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="21"/>
        <source>The second layer of the FFN brings the %1 numbers back to %2. Like attention, the FFN only adds to the stream: its output is added to the vector that went into it.</source>
        <translation>前馈网络的第二层把 %1 个数变回 %2 个。和注意力一样，前馈网络也只是往残差流上加东西：它的输出加到输入它的那个向量上。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="25"/>
        <source>A second LayerNorm follows, and its result is the output of the whole layer: again mean 0 and variance 1 before γ and β.</source>
        <translation>接着是第二个 LayerNorm，它的结果就是整层的输出：乘 γ、加 β 之前，均值又是 0，方差又是 1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="29"/>
        <source>This model is pre-norm: its second LayerNorm came before the FFN, so the sum itself is the layer’s output and is not normalised.</source>
        <translation>这个模型是 pre-norm：第二个 LayerNorm 放在前馈网络之前，所以这个和本身就是该层的输出，不再归一化。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="54"/>
        <source>Stacking N layers</source>
        <translation>堆叠 N 层</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="55"/>
        <source>A layer’s output has the shape of its input, one vector of %1 numbers per word, so layers can be stacked: the output x⁽¹⁾ of layer 1 is the input of layer 2, and so on. The paper stacks N = 6 encoder layers; this model has N = %2, each with its own weights.</source>
        <translation>一层的输出和输入形状相同，每个词一个 %1 个数的向量，所以层可以一层层叠起来：第 1 层的输出 x⁽¹⁾ 就是第 2 层的输入，依此类推。论文叠了 N = 6 个编码器层；这个模型有 N = %2 层，每层有自己的权重。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="59"/>
        <source>One layer of this shape holds %1 weights. The paper’s layer holds %2, and its six encoder layers %3.</source>
        <translation>这种形状的一层有 %1 个权重。论文里的一层有 %2 个，六个编码器层合计 %3 个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="64"/>
        <source>After the last layer this model applies one more LayerNorm.</source>
        <translation>这个模型在最后一层之后还要再做一次 LayerNorm。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="83"/>
        <source>↓  layer %1</source>
        <translation>↓  第 %1 层</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="95"/>
        <source>Where the LayerNorm sits: post-norm or pre-norm</source>
        <translation>LayerNorm 放在哪里：post-norm 还是 pre-norm</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="104"/>
        <source>The paper, like this model, normalises after each residual sum (post-norm). Many later models normalise before each sublayer instead (pre-norm); the stream itself is then never normalised, and one LayerNorm after the last layer finishes the job.</source>
        <translation>论文和这个模型一样，在每次残差相加之后做归一化（post-norm）。后来的许多模型改为在每个子层之前归一化（pre-norm）；这样残差流本身从不归一化，最后一层之后再用一个 LayerNorm 收尾。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="108"/>
        <source>This model normalises before each sublayer (pre-norm), as many later models do; the stream itself is never normalised, and one LayerNorm after the last layer finishes the job. The paper normalises after each residual sum (post-norm).</source>
        <translation>这个模型和后来的许多模型一样，在每个子层之前归一化（pre-norm）；残差流本身从不归一化，最后一层之后再用一个 LayerNorm 收尾。论文则是在每次残差相加之后归一化（post-norm）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="112"/>
        <source>Here the same weights and words run both ways, computed now. At the end of the stack (N = %1), “%2” has mean %3 and variance %4 in post-norm, but mean %5 and variance %6 in pre-norm: the stream keeps its own scale. Pre-norm usually trains more easily when there are many layers.</source>
        <translation>这里用同样的权重和同样的词把两种做法都当场算了一遍。在整个堆叠（N = %1）的末尾，“%2”在 post-norm 下均值为 %3、方差为 %4，在 pre-norm 下均值为 %5、方差为 %6：残差流保持着它自己的尺度。层数很多时，pre-norm 通常更容易训练。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="145"/>
        <source>Post-norm (the paper):</source>
        <translation>Post-norm（论文）：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="147"/>
        <source>Pre-norm:</source>
        <translation>Pre-norm：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="90"/>
        <source>An RNN reads one word at a time</source>
        <translation>RNN 一次读一个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="92"/>
        <source>Before the Transformer, translation models read a sentence as we read aloud: one word after the other. A recurrent network (RNN) keeps a state h of %1 numbers and updates it with every word, so h₁ has seen “%2” and h₂ both words. (A longer sentence of your own shows more: type it below.)</source>
        <translation>在 Transformer 之前，翻译模型像我们朗读一样读句子：一个词接一个词。循环神经网络（RNN）保存一个由 %1 个数组成的状态 h，每读一个词就更新一次：h₁ 看过“%2”，h₂ 看过两个词。（在下方输入你自己的长一点的句子，能看到更多。）</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="98"/>
        <source>Before the Transformer, translation models read a sentence as we read aloud: one word after the other. A recurrent network (RNN) keeps a state h of %1 numbers and updates it with every word, so h₁ has seen “%2”, h₂ the first two words, and h%3 the whole sentence.</source>
        <translation>在 Transformer 之前，翻译模型像我们朗读一样读句子：一个词接一个词。循环神经网络（RNN）保存一个由 %1 个数组成的状态 h，每读一个词就更新一次：h₁ 看过“%2”，h₂ 看过前两个词，h%3 看过整句话。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="102"/>
        <source>Each state needs the one before it, so the %1 steps must run one after another: they cannot be computed at the same time. This tiny RNN has seeded random weights; it shows the shape of the computation, not a trained model.</source>
        <translation>每个状态都要用到前一个状态，所以这 %1 步只能一步接一步地算，不能同时进行。这个小 RNN 的权重是按种子生成的随机数，它只用来展示计算的样子，并不是训练好的模型。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="136"/>
        <source>One step of the RNN</source>
        <translation>RNN 的一步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="137"/>
        <source>To read “%1” the RNN mixes what it remembers, W_h·h₁, with the new word, W_x·x₂ (x₂ is the model’s %2-number vector for “%1”), adds b, and squashes every number into (−1, 1) with tanh. Only h₂ is passed on.</source>
        <translation>读“%1”时，RNN 把它记住的内容 W_h·h₁ 和新词 W_x·x₂（x₂ 是模型里“%1”的 %2 维向量）相加，再加上 b，然后用 tanh 把每个数压到 (−1, 1) 之间。往下传的只有 h₂。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="181"/>
        <source>Path length: n − t steps against 1</source>
        <translation>路径长度：n − t 步对 1 步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="183"/>
        <source>For the last word to use the first one, the RNN must carry it through the state from step to step: from “%2” to “%3” the path has length %1, and in general n − t. Attention joins any two words in one step: “%3” reads every word directly, with the shares below (the Transformer’s layer 1, head 1).</source>
        <translation>要让最后一个词用上第一个词，RNN 必须把它装在状态里一步一步往后传：从“%2”到“%3”的路径长度是 %1，一般来说是 n − t。注意力一步就能连起任意两个词：“%3”直接读取每个词，份额见下方（Transformer 第 1 层、第 1 个头）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="203"/>
        <source>steps from each word to “%1”</source>
        <translation>从每个词到“%1”的步数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="209"/>
        <source>The gradient fades with distance</source>
        <translation>梯度随距离衰减</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="210"/>
        <source>How much does the last state h%1 still depend on an earlier state h_t? The size of the derivative ‖∂h%1/∂h_t‖ says it; in training it is also how much of the error signal gets back to word t. It is %2 for the last word itself and %3 for “%4”, at distance %5.</source>
        <translation>最后的状态 h%1 还在多大程度上依赖较早的状态 h_t？导数的大小 ‖∂h%1/∂h_t‖ 给出答案；训练时，它也决定了误差信号能有多少传回到第 t 个词。对最后一个词自己它是 %2，对距离为 %5 的“%4”只有 %3。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="215"/>
        <source>Early words fade from the gradient, so an RNN learns long-range links slowly. In attention every word is one step from every other, whatever the distance.</source>
        <translation>靠前的词在梯度里渐渐消失，所以 RNN 学远距离的联系很慢。在注意力里，无论相隔多远，任意两个词之间都只有一步。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="242"/>
        <source>Why it fades: a product of Jacobians</source>
        <translation>为什么会衰减：雅可比矩阵的连乘</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="243"/>
        <source>By the chain rule, ∂h_n/∂h_t is a product of one factor per step, J_s = ∂h_s/∂h_(s−1) = diag(1 − h_s²)·W_h. tanh’s slope 1 − h² is at most 1 and W_h stretches a vector by at most %1, so no factor is larger than %1 and the product shrinks about geometrically: ‖∂h_n/∂h_t‖ ≤ ‖J_n‖ ⋯ ‖J_(t+1)‖.</source>
        <translation>由链式法则，∂h_n/∂h_t 是每一步一个因子的连乘，J_s = ∂h_s/∂h_(s−1) = diag(1 − h_s²)·W_h。tanh 的斜率 1 − h² 不超过 1，W_h 把向量最多拉长到 %1 倍，所以每个因子都不超过 %1，连乘起来大致按几何级数缩小：‖∂h_n/∂h_t‖ ≤ ‖J_n‖ ⋯ ‖J_(t+1)‖。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonActions</name>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="56"/>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="57"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="58"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="58"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="59"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="60"/>
        <source>Last step</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="61"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="62"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="63"/>
        <source>Actual size</source>
        <translation>原始大小</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonController</name>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="62"/>
        <source>This input cannot be shown in the lesson: %1</source>
        <translation>这个输入无法在课程中展示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="112"/>
        <source>Type a sentence of %1 to %2 words first.</source>
        <translation>请先输入一个 %1 到 %2 个词的句子。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="121"/>
        <source>The demo model does not know %1. Try everyday English words such as “the cat sat on the mat”, or common Chinese characters.</source>
        <translation>演示模型不认识 %1。请试试常见的英文单词，比如“the cat sat on the mat”，或常用汉字。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="124"/>
        <source>“%1” is a single word: attention needs at least %2 words to compare.</source>
        <translation>“%1”只有一个词：注意力至少需要 %2 个词才能相互比较。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="114"/>
        <source>That sentence has %1 words; the lesson shows at most %2.</source>
        <translation>这个句子有 %1 个词，课程最多展示 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="54"/>
        <source>This input has %1 tokens, too many to show in a lesson; the analysis views show it.</source>
        <translation>这次输入有 %1 个词元，课程里放不下；请到分析视图中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="118"/>
        <source>The trained en→zh model does not know %1. It reads simple English sentences from its training grammar, such as “my mother will eat the rice in the park tomorrow .”</source>
        <translation>训练好的英→中模型不认识 %1。它读得懂训练语法里的简单英文句子，比如“my mother will eat the rice in the park tomorrow .”</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonMenu</name>
    <message>
        <location filename="../../ui/lesson/lesson_menu.cpp" line="34"/>
        <source>Less&amp;ons</source>
        <translation>课程列表(&amp;O)</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonStage</name>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="265"/>
        <source>%1%2 = %3 (indices from 0, as in PyTorch)</source>
        <translation>%1%2 = %3（下标从 0 开始，与 PyTorch 相同）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="267"/>
        <source>computed on the way: %1</source>
        <translation>中间结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="353"/>
        <source>Lesson stage</source>
        <translation>课程舞台</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="354"/>
        <source>The numbers of the current step; hover a number, or press Tab or the Down arrow, to hear where it comes from.</source>
        <translation>当前这一步的数字；把鼠标移到数字上，或按 Tab 键或下方向键，可以知道它从哪里来。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonView</name>
    <message>
        <location filename="../../ui/lesson/lesson_view.cpp" line="125"/>
        <source>%1 / %2  ·  %3</source>
        <translation>%1 / %2  ·  %3</translation>
    </message>
</context>
<context>
    <name>alab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="159"/>
        <source>AttentionLab — self-attention, step by step</source>
        <translation>AttentionLab — 一步一步看懂自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="160"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="161"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="162"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="163"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="164"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="165"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="167"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="168"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="169"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="170"/>
        <source>&amp;About AttentionLab</source>
        <translation>关于 AttentionLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="171"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="173"/>
        <source>Computing</source>
        <translation>正在计算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="183"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="184"/>
        <source>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;first / last step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;presentation mode (Esc leaves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;larger / smaller / normal size&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;A presentation clicker sends Page Down and Page Up, so it works too.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;空格&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;第一步 / 最后一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;演示模式（按 Esc 退出）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;放大 / 缩小 / 原始大小&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;翻页笔发送的正是 Page Down 和 Page Up，所以也可以直接用。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="205"/>
        <source>About AttentionLab</source>
        <translation>关于 AttentionLab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="206"/>
        <source>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Teaches and inspects the Transformer: every number on screen comes from a small Transformer computed on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;用来讲解和检查 Transformer：屏幕上的每个数字都来自在这台电脑上运行的一个小型 Transformer。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="215"/>
        <source>Long input: attention maps are recomputed when shown</source>
        <translation>长输入：注意力图在显示时重新计算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="216"/>
        <source>A full trace of this input would need about %1 of memory, so only the per-token tensors are kept; each map is computed again, with the same numbers, when a view or an export needs it.</source>
        <translation>完整记录这次输入约需 %1 内存，因此只保留每个词元的张量；视图或导出用到某张注意力图时再算一遍，数值完全相同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="166"/>
        <source>&amp;Threads…</source>
        <translation>线程数(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="197"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="198"/>
        <source>Compute on how many threads? This computer has %1 cores.</source>
        <translation>用多少个线程计算？这台电脑有 %1 个核心。</translation>
    </message>
</context>
<context>
    <name>alab::ui::SentenceBar</name>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="84"/>
        <source>Your &amp;sentence:</source>
        <translation>你的句子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="63"/>
        <source>2 to 12 words, e.g. the cat sat on the mat</source>
        <translation>2 到 12 个词，例如 the cat sat on the mat</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="89"/>
        <source>Your sentence</source>
        <translation>你的句子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="90"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="91"/>
        <source>Seed of the demo model&apos;s weights</source>
        <translation>演示模型权重的随机种子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="92"/>
        <source>Another seed gives the demo model other random weights</source>
        <translation>换一个种子，演示模型就会得到另一组随机权重</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="93"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="94"/>
        <source>Run the lesson on your sentence</source>
        <translation>用你的句子运行课程</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="95"/>
        <source>&amp;Thinking Machines</source>
        <translation>Thinking Machines(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="96"/>
        <source>Back to the worked example</source>
        <translation>回到课程的示例</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="64"/>
        <source>2 to 12 English words, e.g. my mother will eat the rice in the park tomorrow .</source>
        <translation>2 到 12 个英文单词，例如 my mother will eat the rice in the park tomorrow .</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="85"/>
        <source>trained en→zh model</source>
        <translation>训练好的英→中模型</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="86"/>
        <source>random weights (untrained)</source>
        <translation>随机权重（未经训练）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="87"/>
        <source>Model for your sentence</source>
        <translation>运行你的句子的模型</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="88"/>
        <source>The trained model translates English into Chinese; the demo model&apos;s weights are random numbers</source>
        <translation>训练好的模型把英文译成中文；演示模型的权重是随机数</translation>
    </message>
</context>
<context>
    <name>alab::ui::StepList</name>
    <message>
        <location filename="../../ui/lesson/step_list.cpp" line="78"/>
        <source>Lesson steps</source>
        <translation>课程步骤</translation>
    </message>
</context>
<context>
    <name>alab::ui::TransportBar</name>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="65"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="69"/>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="70"/>
        <source>Animation speed</source>
        <translation>动画速度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="71"/>
        <source>Lesson progress</source>
        <translation>课程进度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="72"/>
        <source>Drag to move through the steps</source>
        <translation>拖动以切换步骤</translation>
    </message>
</context>
<context>
    <name>alab::ui::WhatIfBar</name>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="60"/>
        <source>What if:</source>
        <translation>假如：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="61"/>
        <source>divide the scores by √dₖ</source>
        <translation>分数除以 √dₖ</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="62"/>
        <source>Switch it off to see softmax give almost everything to one word</source>
        <translation>关掉它，可以看到 softmax 几乎把全部份额给了一个词</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="63"/>
        <source>softmax &amp;temperature</source>
        <translation>softmax 温度(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="64"/>
        <source>Softmax temperature</source>
        <translation>Softmax 温度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="65"/>
        <source>softmax(s / T): below 1 sharper shares, above 1 more even</source>
        <translation>softmax(s / T)：小于 1 份额更集中，大于 1 更平均</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="66"/>
        <source>As in the paper</source>
        <translation>恢复论文设置</translation>
    </message>
</context>
</TS>
