// HeadGridWidget: layers x heads attention thumbnails painted from QImages (one pixel per cell,
// scaled without smoothing), with layer / head captions. Cheap enough for a 512-token input where
// 16 live plots would not be; a click on a thumbnail reports its layer and head. Keyboard: arrows,
// Home/End move a focus frame over the thumbnails, Enter / Space open the head as a click does.
#pragma once

#include <QImage>
#include <QRect>
#include <QVector>
#include <QWidget>

class QPainter;

namespace alab::ui {

class HeadGridWidget : public QWidget {
    Q_OBJECT
public:
    explicit HeadGridWidget(QWidget* parent = nullptr);

    /// images[layer * heads + head]; an empty list shows `message` instead.
    void setGrid(const QVector<QImage>& images, int layers, int heads, const QString& message = {});
    /// Cells a mask hides, per thumbnail (the order of images): runs along a row in cell coordinates
    /// (x = column, y = row, width = run length, height 1), drawn grey and hatched as the heatmap draws them.
    /// setGrid clears them.
    void setMaskedCells(const QVector<QVector<QRect>>& runs);
    const QVector<QVector<QRect>>& maskedCells() const { return m_masked; }
    /// Sets one thumbnail (index layer * heads + head) and its masked runs, e.g. as a long input's heads
    /// are computed one by one; thumbnails not yet set are drawn as empty frames.
    void setThumbnail(int index, const QImage& image, const QVector<QRect>& masked);
    /// How many thumbnails hold an image.
    int filledCount() const;
    void setThumbnailSize(int pixels);
    int layers() const { return m_layers; }
    int heads() const { return m_heads; }
    /// The thumbnail rectangle of (layer, head) in widget pixels.
    QRect thumbnailRect(int layer, int head) const;
    QSize sizeHint() const override;
    /// "Layer 2, head 3: press Enter or click to open" (1-based, as people count).
    QString describeHead(int layer, int head) const;
    void setCurrentHead(int layer, int head);
    int currentLayer() const { return m_curLayer; }
    int currentHead() const { return m_curHead; }

signals:
    void headClicked(int layer, int head);
    /// The keyboard focus frame moved (text as describeHead).
    void currentHeadChanged(int layer, int head, const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    bool hitTest(const QPoint& pos, int* layer, int* head) const;
    void paintMasked(QPainter& p, const QRect& thumb, const QSize& cells, const QVector<QRect>& runs) const;

    QVector<QImage> m_images;
    QVector<QVector<QRect>> m_masked;  // per thumbnail, runs of masked cells
    QString m_message;
    int m_layers = 0, m_heads = 0, m_thumb = 150;
    int m_hoverLayer = -1, m_hoverHead = -1;
    int m_curLayer = 0, m_curHead = 0;  // the keyboard's focus frame
    static constexpr int kMargin = 8, kCaptionW = 70, kCaptionH = 26;
};

}  // namespace alab::ui
