// attentionMap and attentionRollout on hand-built Results whose answers are worked out by hand.
#include "error.h"
#include "explain.h"
#include "testresults.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace vitscope;
using namespace vitscope::testing;

namespace {

constexpr float tolerance = 1e-6f;

std::vector<float> uniform(int T) { return std::vector<float>(static_cast<std::size_t>(T) * T, 1.0f / T); }

std::vector<float> identity(int T)
{
    std::vector<float> m(static_cast<std::size_t>(T) * T, 0.0f);
    for (int i = 0; i < T; ++i)
        m[static_cast<std::size_t>(i) * T + i] = 1.0f;
    return m;
}

bool near(const std::vector<float>& got, const std::vector<float>& want)
{
    if (got.size() != want.size())
        return false;
    for (std::size_t i = 0; i < got.size(); ++i)
        if (std::abs(got[i] - want[i]) > tolerance) {
            qWarning("index %zu: got %.8f, want %.8f", i, double(got[i]), double(want[i]));
            return false;
        }
    return true;
}

} // namespace

class TestExplain : public QObject {
    Q_OBJECT
private slots:
    void singleHeadMap();
    void fusedMaps();
    void uniformRollout();
    void identityRollout();
    void twoLayerMaxRollout();
    void discardRatio();
    void discardKeepsClassToken();
    void rejectsBadInput();
};

// 1 x 2 grid, T = 3: the map is the query's row at the patch columns.
void TestExplain::singleHeadMap()
{
    const Result r = makeResult(1, 2, {{{0.5f, 0.2f, 0.3f, 0.1f, 0.6f, 0.3f, 0.25f, 0.25f, 0.5f}}});
    QVERIFY(near(attentionMap(r, 0, 0, 0), {0.2f, 0.3f}));
    QVERIFY(near(attentionMap(r, 0, 0, 2), {0.25f, 0.5f}));
    QVERIFY(near(attentionMap(r, 0, -1, 1), {0.6f, 0.3f})); // one head: fusion is that head
}

void TestExplain::fusedMaps()
{
    const std::vector<float> h0{0.2f, 0.7f, 0.1f, 0.3f, 0.3f, 0.4f, 0.1f, 0.1f, 0.8f};
    const std::vector<float> h1{0.6f, 0.1f, 0.3f, 0.2f, 0.5f, 0.3f, 0.3f, 0.3f, 0.4f};
    const Result r = makeResult(1, 2, {{h0, h1}});
    QVERIFY(near(attentionMap(r, 0, 1, 0), {0.1f, 0.3f}));
    QVERIFY(near(attentionMap(r, 0, -1, 0, HeadFusion::Mean), {0.4f, 0.2f}));
    QVERIFY(near(attentionMap(r, 0, -1, 0, HeadFusion::Max), {0.7f, 0.3f}));
    QVERIFY(near(attentionMap(r, 0, -1, 0, HeadFusion::Min), {0.1f, 0.1f}));
    QVERIFY(near(attentionMap(r, 0, -1, 1, HeadFusion::Max), {0.5f, 0.4f}));
}

// Uniform attention U = J / T in every layer: (U + I) / 2 is row-stochastic and U^2 = U, so
// after L layers R = (I + (2^L - 1) U) / 2^L and every patch gets (2^L - 1) / (2^L T).
void TestExplain::uniformRollout()
{
    const int T = 5; // 2 x 2 grid + class token
    const Result r = makeResult(2, 2, {{uniform(T), uniform(T)}, {uniform(T), uniform(T)}, {uniform(T), uniform(T)}});
    const float patch = 7.0f / 8.0f / T;
    QVERIFY(near(attentionRollout(r), {patch, patch, patch, patch}));
    QVERIFY(near(attentionRollout(r, HeadFusion::Max), {patch, patch, patch, patch}));
}

// Identity attention: every token only sees itself, so the class token draws nothing from patches.
void TestExplain::identityRollout()
{
    const int T = 5;
    const Result r = makeResult(2, 2, {{identity(T)}, {identity(T)}});
    QVERIFY(near(attentionRollout(r), {0, 0, 0, 0}));
    QVERIFY(near(attentionMap(r, 1, 0, 3), {0, 0, 1, 0})); // token 3 is patch (1, 0)
}

// Worked by hand. Layer 0, max over heads: [[.6 .7 .3] [.3 .5 .4] [.3 .3 .8]]; + I and row
// normalisation: row 0 = [1.6 .7 .3] / 2.6, row 1 = [.3 1.5 .4] / 2.2, row 2 = [.3 .3 1.8] / 2.4.
// Layer 1 (one head, uniform 1/3): (U + I) / 2 has rows [2/3 1/6 1/6] etc. The class row of
// A1 A0 = 2/3 row0(A0) + 1/6 row1(A0) + 1/6 row2(A0).
void TestExplain::twoLayerMaxRollout()
{
    const std::vector<float> h0{0.2f, 0.7f, 0.1f, 0.3f, 0.3f, 0.4f, 0.1f, 0.1f, 0.8f};
    const std::vector<float> h1{0.6f, 0.1f, 0.3f, 0.2f, 0.5f, 0.3f, 0.3f, 0.3f, 0.4f};
    const std::vector<float> u = uniform(3);
    const Result r = makeResult(1, 2, {{h0, h1}, {u, u}});
    const float p1 = 2.0f / 3 * 0.7f / 2.6f + 1.0f / 6 * 1.5f / 2.2f + 1.0f / 6 * 0.3f / 2.4f;
    const float p2 = 2.0f / 3 * 0.3f / 2.6f + 1.0f / 6 * 0.4f / 2.2f + 1.0f / 6 * 1.8f / 2.4f;
    QVERIFY(near(attentionRollout(r, HeadFusion::Max), {p1, p2}));
    // Min fusion of layer 0: row 0 = [.2 .1 .1] -> [1.2 .1 .1] / 1.4, row 1 = [.2 1.3 .3] / 1.8,
    // row 2 = [.1 .1 1.4] / 1.6.
    const float q1 = 2.0f / 3 * 0.1f / 1.4f + 1.0f / 6 * 1.3f / 1.8f + 1.0f / 6 * 0.1f / 1.6f;
    const float q2 = 2.0f / 3 * 0.1f / 1.4f + 1.0f / 6 * 0.3f / 1.8f + 1.0f / 6 * 1.4f / 1.6f;
    QVERIFY(near(attentionRollout(r, HeadFusion::Min), {q1, q2}));
}

// floor(9 * 0.34) = 3 smallest entries zeroed: 0.1 (index 3), 0.2 (index 1) and the first 0.25
// (index 6; its tie at index 7 stays). Class row: [.5 0 .3] + I -> [1.5 0 .3] / 1.8.
void TestExplain::discardRatio()
{
    const Result r = makeResult(1, 2, {{{0.5f, 0.2f, 0.3f, 0.1f, 0.6f, 0.3f, 0.25f, 0.25f, 0.5f}}});
    QVERIFY(near(attentionRollout(r, HeadFusion::Mean, 0.34f), {0.0f, 0.3f / 1.8f}));
    // Without discarding: [1.5 .2 .3] / 2.
    QVERIFY(near(attentionRollout(r, HeadFusion::Mean, 0.0f), {0.1f, 0.15f}));
}

// The smallest entry is the class token's attention to itself, which is never zeroed.
void TestExplain::discardKeepsClassToken()
{
    const Result r = makeResult(1, 2, {{{0.05f, 0.5f, 0.45f, 0.3f, 0.4f, 0.3f, 0.3f, 0.3f, 0.4f}}});
    QVERIFY(near(attentionRollout(r, HeadFusion::Mean, 0.12f), {0.25f, 0.225f}));
}

void TestExplain::rejectsBadInput()
{
    const Result r = makeResult(1, 2, {{{0.5f, 0.2f, 0.3f, 0.1f, 0.6f, 0.3f, 0.25f, 0.25f, 0.5f}}});
    QVERIFY_THROWS_EXCEPTION(Error, attentionMap(r, 1, 0, 0));
    QVERIFY_THROWS_EXCEPTION(Error, attentionMap(r, 0, 1, 0));
    QVERIFY_THROWS_EXCEPTION(Error, attentionMap(r, 0, 0, 3));
    QVERIFY_THROWS_EXCEPTION(Error, attentionRollout(r, HeadFusion::Mean, 1.0f));
    QVERIFY_THROWS_EXCEPTION(Error, attentionRollout(Result{}));
    Result truncated = r;
    truncated.attentions.data.pop_back();
    QVERIFY_THROWS_EXCEPTION(Error, attentionRollout(truncated));
}

QTEST_APPLESS_MAIN(TestExplain)
#include "tst_explain.moc"
