<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../core/lesson.cpp" line="23"/>
        <source>The words become vectors</source>
        <translation>词变成向量</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="24"/>
        <source>A network cannot read letters, so each word is looked up in a table of learned numbers. “%1” becomes the vector x₁ and “%2” becomes x₂, each %3 numbers long. Stacked as rows, the vectors of the sentence form the matrix X.</source>
        <translation>神经网络读不懂字母，所以每个词都要到一张训练得来的数表里查出自己的一行数字。“%1”查出向量 x₁，“%2”查出 x₂，每个向量有 %3 个数。把整句话的向量按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="30"/>
        <source>This model also adds a positional encoding to every vector, so the same word at another place in the sentence gets different numbers.</source>
        <translation>这个模型还会给每个向量加上位置编码：同一个词出现在句子的不同位置，得到的数字也不同。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="45"/>
        <source>Queries, keys and values</source>
        <translation>查询、键和值</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="46"/>
        <source>Each word vector is multiplied by three weight matrices that were learned in training. X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and X·W^V a value (what it passes on). Each is %1 numbers long: d_k = %1.</source>
        <translation>每个词向量分别乘以三个在训练中学到的权重矩阵。X·W^Q 给每个词一个查询（它在找什么），X·W^K 给出键（它能提供什么），X·W^V 给出值（它要传递的内容）。它们各有 %1 个数，即 d_k = %1。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="51"/>
        <source>Watch a row of X run down a column of W: multiply pair by pair, add up, and one cell of the result is filled in.</source>
        <translation>看 X 的一行沿着 W 的一列走过：逐对相乘再相加，结果里就填好一个格子。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="68"/>
        <source>Scores: how well do two words match?</source>
        <translation>打分：两个词有多匹配？</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="70"/>
        <source>How much should “%1” look at each word? Take its query q₁ and every key, multiply them number by number and add the products up: this is the dot product. Here q₁·k₁ = %2 and q₁·k₂ = %3. A larger score means a better match.</source>
        <translation>“%1”应该把多少注意力放在每个词上？拿它的查询 q₁ 和每个键逐个数相乘，再把乘积加起来，这就是点积。这里 q₁·k₁ = %2，q₁·k₂ = %3。分数越高，说明越匹配。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="82"/>
        <source>Scale by √dₖ</source>
        <translation>除以 √dₖ 缩放</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="85"/>
        <source>Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6.</source>
        <translation>把每个分数除以 √d_k = √%1 = %2：%3 变成 %4，%5 变成 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="88"/>
        <source>Why? Dot products of long vectors grow large. Softmax of large numbers is nearly all zeros and a single one; there its gradients almost vanish and the model learns very slowly.</source>
        <translation>为什么要这样做？向量越长，点积往往越大。对很大的数做 softmax，结果几乎全是 0，只有一个接近 1；这时梯度几乎消失，模型就很难学下去。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="99"/>
        <source>Softmax: scores become shares</source>
        <translation>Softmax：分数变成占比</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="101"/>
        <source>Raise e to the power of each scaled score, add the results, and divide each one by that sum. The shares are positive and add up to 1: “%1” gives %2 of its attention to itself and %3 to “%4”.</source>
        <translation>对每个缩放后的分数取 e 的幂，把结果加起来，再用每一项除以这个总和。得到的占比都是正数，加起来等于 1：“%1”把 %2 的注意力留给自己，把 %3 分给“%4”。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="113"/>
        <source>Weight the values</source>
        <translation>给值加权</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="115"/>
        <source>Multiply each word’s value vector by its share: %1·v₁ and %2·v₂. A word with a large share keeps most of its value; a word with a small share is turned down.</source>
        <translation>用每个词的占比去乘它的值向量：%1·v₁ 和 %2·v₂。占比大的词保留了大部分的值，占比小的词被调弱了。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="125"/>
        <source>Add them up: z₁, then z₂</source>
        <translation>相加：先得 z₁，再得 z₂</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="127"/>
        <source>Adding the weighted values gives z₁, the new vector for “%1”: it now carries information from the whole sentence. The same steps for “%2” give its own shares, %3 and %4, and its vector z₂.</source>
        <translation>把加权后的值相加，就得到“%1”的新向量 z₁：它现在带上了整句话的信息。对“%2”重复同样的步骤，得到它自己的占比 %3 和 %4，以及它的向量 z₂。</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="139"/>
        <source>All words at once: the matrix form</source>
        <translation>一次算完所有词：矩阵形式</translation>
    </message>
    <message>
        <location filename="../../core/lesson.cpp" line="145"/>
        <source>In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs along each row, and a second product with V mixes the values. Row 1 of Z is z₁ and row 2 is z₂: the same numbers as step by step (largest difference %1).</source>
        <translation>实际计算时，所有词是一起算的。一次矩阵乘法 QKᵀ 得出全部分数，softmax 按行进行，再乘以 V 把各个值混合起来。Z 的第 1 行就是 z₁，第 2 行就是 z₂，和逐步算出的数字相同（最大差值 %1）。</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <location filename="../../ui/lesson/stage_builder.cpp" line="72"/>
        <source>%1 × %2 numbers in all</source>
        <translation>共 %1 × %2 个数</translation>
    </message>
</context>
<context>
    <name>alab::ui::ExplanationPanel</name>
    <message>
        <location filename="../../ui/lesson/explanation_panel.cpp" line="64"/>
        <source>Explanation of the step</source>
        <translation>本步讲解</translation>
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
        <location filename="../../ui/lesson/lesson_controller.cpp" line="43"/>
        <source>This input cannot be shown in the lesson: %1</source>
        <translation>这个输入无法在课程中展示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="65"/>
        <source>Type a sentence of %1 to %2 words first.</source>
        <translation>请先输入一个 %1 到 %2 个词的句子。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="69"/>
        <source>The demo model does not know %1. Try everyday English words such as “the cat sat on the mat”, or common Chinese characters.</source>
        <translation>演示模型不认识 %1。请试试常见的英文单词，比如“the cat sat on the mat”，或常用汉字。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="72"/>
        <source>“%1” is a single word: attention needs at least %2 words to compare.</source>
        <translation>“%1”只有一个词：注意力至少需要 %2 个词才能相互比较。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="75"/>
        <source>That sentence has %1 words; the lesson shows at most %2.</source>
        <translation>这个句子有 %1 个词，课程最多展示 %2 个。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonStage</name>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="245"/>
        <source>computed on the way: %1</source>
        <translation>中间结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="281"/>
        <source>Lesson stage</source>
        <translation>课程舞台</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="282"/>
        <source>The numbers of the current step; hover a number to see where it comes from.</source>
        <translation>当前步骤的数字；把鼠标停在数字上可查看它的来历。</translation>
    </message>
</context>
<context>
    <name>alab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="117"/>
        <source>AttentionLab — self-attention, step by step</source>
        <translation>AttentionLab — 一步一步看懂自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="118"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="119"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="120"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="121"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="122"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="123"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="124"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="125"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="126"/>
        <source>&amp;About AttentionLab</source>
        <translation>关于 AttentionLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="127"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="128"/>
        <source>Computing</source>
        <translation>正在计算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="138"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="139"/>
        <source>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;first / last step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;larger / smaller / normal size&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;A presentation clicker sends Page Down and Page Up, so it works too.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;空格&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;第一步 / 最后一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;放大 / 缩小 / 原始大小&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;翻页笔发送的正是 Page Down 和 Page Up，所以也可以直接用。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="150"/>
        <source>About AttentionLab</source>
        <translation>关于 AttentionLab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="151"/>
        <source>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Teaches and inspects the Transformer: every number on screen comes from a small Transformer computed on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;用来讲解和检查 Transformer：屏幕上的每个数字都来自在这台电脑上运行的一个小型 Transformer。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>alab::ui::SentenceBar</name>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="57"/>
        <source>Your &amp;sentence:</source>
        <translation>你的句子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="58"/>
        <source>2 to 12 words, e.g. the cat sat on the mat</source>
        <translation>2 到 12 个词，例如 the cat sat on the mat</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="59"/>
        <source>Your sentence</source>
        <translation>你的句子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="60"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="61"/>
        <source>Seed of the demo model&apos;s weights</source>
        <translation>演示模型权重的随机种子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="62"/>
        <source>Another seed gives the demo model other random weights</source>
        <translation>换一个种子，演示模型就会得到另一组随机权重</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="63"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="64"/>
        <source>Run the lesson on your sentence</source>
        <translation>用你的句子运行课程</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="65"/>
        <source>&amp;Thinking Machines</source>
        <translation>Thinking Machines(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="66"/>
        <source>Back to the worked example</source>
        <translation>回到课程的示例</translation>
    </message>
</context>
<context>
    <name>alab::ui::StepList</name>
    <message>
        <location filename="../../ui/lesson/step_list.cpp" line="54"/>
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
</TS>
