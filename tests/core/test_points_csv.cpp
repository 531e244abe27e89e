// The user's own points as CSV: what an export writes imports back bit for bit, the labels become
// the classes a user expects, and every malformed file is refused with its line and column.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "core/points_csv.hpp"

namespace actviz {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expect_same_points(const std::vector<Point>& a, const std::vector<Point>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_TRUE(same_bits(a[i].x, b[i].x)) << i << ": " << a[i].x << " vs " << b[i].x;
        EXPECT_TRUE(same_bits(a[i].y, b[i].y)) << i;
        EXPECT_EQ(a[i].label, b[i].label) << i;
    }
}

ImportedData read_ok(std::string_view text, const PointsCsvOptions& options = {}) {
    PointsCsvResult result = read_points_csv(text, "points.csv", options);
    EXPECT_TRUE(result.imported) << result.error;
    return result.imported ? *result.imported : ImportedData{};
}

std::string read_error(std::string_view text, const PointsCsvOptions& options = {}) {
    PointsCsvResult result = read_points_csv(text, "points.csv", options);
    EXPECT_FALSE(result.imported) << "accepted: " << text.substr(0, 80);
    EXPECT_FALSE(result.error.empty());
    return result.error;
}

TEST(PointsCsv, ExportImportsBackBitForBit) {
    // Values whose shortest decimal form matters: thirds, tenths, a subnormal, −0, the coordinate
    // limit, a point a user might add by hand far from the data.
    Dataset data;
    data.classes = 3;
    const double values[] = {1.0 / 3, 0.1, -0.0, 5e-324, 2.2250738585072014e-308, -1e6, 1e6, 0.30000000000000004,
                             123456.78901234567, -2.5e-17, 1.3, std::nextafter(1.0, 2.0)};
    int k = 0;
    for (double x : values) {
        for (double y : {values[(k + 3) % 12], -values[(k + 7) % 12]}) {
            (k % 4 == 0 ? data.test : data.train).push_back(Point{x, y, k % 3});
            ++k;
        }
    }
    const std::string text = write_points_csv(data);
    EXPECT_EQ(text.substr(0, 16), "x,y,label,split\n");
    const ImportedData back = read_ok(text);
    EXPECT_EQ(back.data.classes, 3);
    EXPECT_TRUE(back.split_from_file);
    expect_same_points(back.data.train, data.train);
    expect_same_points(back.data.test, data.test);
    EXPECT_EQ(write_points_csv(back.data), text);  // and exporting again writes the same file
}

TEST(PointsCsv, HeaderIsOptionalAndDetected) {
    const ImportedData with = read_ok("x,y,label\n0.5,1,0\n-1,2,1\n");
    const ImportedData without = read_ok("0.5,1,0\n-1,2,1\n");
    expect_same_points(with.data.train, without.data.train);
    expect_same_points(with.data.test, without.data.test);
    EXPECT_EQ(with.data.train.size() + with.data.test.size(), 2u);
}

TEST(PointsCsv, NamedLabelsAreClassesInOrderOfFirstAppearance) {
    const ImportedData d = read_ok("x,y,species\n0,0,setosa\n1,1,virginica\n2,2,setosa\n3,3,versicolor\n",
                                   PointsCsvOptions{.test_ratio = 0});
    EXPECT_EQ(d.data.classes, 3);
    EXPECT_EQ(d.labels, (std::vector<std::string>{"setosa", "virginica", "versicolor"}));
    ASSERT_EQ(d.data.train.size(), 4u);
    EXPECT_EQ(d.data.train[0].label, 0);
    EXPECT_EQ(d.data.train[1].label, 1);
    EXPECT_EQ(d.data.train[2].label, 0);
    EXPECT_EQ(d.data.train[3].label, 2);
}

TEST(PointsCsv, IntegerLabelsKeepTheirOrder) {
    // A file labelled 2, 0, 1 keeps class 0 as class 0, whichever comes first; −1/+1 labels become 0 and 1.
    const ImportedData d = read_ok("0,0,2\n1,1,0\n2,2,1\n", PointsCsvOptions{.test_ratio = 0});
    EXPECT_EQ(d.data.train[0].label, 2);
    EXPECT_EQ(d.data.train[1].label, 0);
    EXPECT_EQ(d.data.train[2].label, 1);
    const ImportedData svm = read_ok("0,0,1\n1,1,-1\n", PointsCsvOptions{.test_ratio = 0});
    EXPECT_EQ(svm.labels, (std::vector<std::string>{"-1", "1"}));
    EXPECT_EQ(svm.data.train[0].label, 1);
}

TEST(PointsCsv, WithoutASplitColumnTheTestRatioAndSeedSplitAsForGeneratedPoints) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += std::to_string(i) + ",0," + std::to_string(i % 2) + "\n";
    const ImportedData a = read_ok(text, PointsCsvOptions{.test_ratio = 0.3, .seed = 4});
    const ImportedData b = read_ok(text, PointsCsvOptions{.test_ratio = 0.3, .seed = 4});
    const ImportedData c = read_ok(text, PointsCsvOptions{.test_ratio = 0.3, .seed = 5});
    EXPECT_FALSE(a.split_from_file);
    EXPECT_EQ(a.data.test.size(), 30u);
    expect_same_points(a.data.test, b.data.test);
    bool differs = false;
    for (std::size_t i = 0; i < 30; ++i) differs = differs || a.data.test[i].x != c.data.test[i].x;
    EXPECT_TRUE(differs) << "another seed, another split";
}

TEST(PointsCsv, SpreadsheetTextIsRead) {
    // A byte-order mark, CRLF line ends, spaces, a quoted label with a comma, blank lines, "+1".
    const ImportedData d = read_ok("\xEF\xBB\xBFx,y,label\r\n 1.5 , +2 , \"a, b\"\r\n\r\n-3,4e-1,c\r\n",
                                   PointsCsvOptions{.test_ratio = 0});
    ASSERT_EQ(d.data.train.size(), 2u);
    EXPECT_EQ(d.data.train[0].x, 1.5);
    EXPECT_EQ(d.data.train[0].y, 2.0);
    EXPECT_EQ(d.data.train[1].y, 0.4);
    EXPECT_EQ(d.labels, (std::vector<std::string>{"a, b", "c"}));
}

TEST(PointsCsv, RescaleFitsThePointsIntoThePlaneAndSaysHow) {
    // 200..400 by 10..60: centred on (300, 35), the longer side (x, half-width 100) to ±1.3.
    const ImportedData d = read_ok("200,10,a\n400,60,b\n300,35,a\n", PointsCsvOptions{.rescale = true, .test_ratio = 0});
    ASSERT_TRUE(d.rescale);
    EXPECT_DOUBLE_EQ(d.rescale->scale, kDataExtent / 100);
    EXPECT_DOUBLE_EQ(d.rescale->centre_x, 300);
    EXPECT_DOUBLE_EQ(d.rescale->centre_y, 35);
    EXPECT_DOUBLE_EQ(d.data.train[0].x, -kDataExtent);
    EXPECT_DOUBLE_EQ(d.data.train[1].x, kDataExtent);
    EXPECT_DOUBLE_EQ(d.data.train[1].y, 25 * kDataExtent / 100);  // one scale: the shape keeps its proportions
    EXPECT_FALSE(d.beyond_plane);
    EXPECT_EQ(describe_rescale(*d.rescale), "×0.013, centred on (300, 35)");
    // Unscaled, the same points lie off the plane, and the import says so.
    EXPECT_TRUE(read_ok("200,10,a\n400,60,b\n").beyond_plane);
    // Extremes of double rescale without overflow.
    const ImportedData far = read_ok("-1.7e308,0,a\n1.7e308,1,b\n", PointsCsvOptions{.rescale = true, .test_ratio = 0});
    EXPECT_DOUBLE_EQ(far.data.train[1].x, kDataExtent);
    EXPECT_TRUE(std::isfinite(far.data.train[0].y));
}

TEST(PointsCsv, DescriptionNamesTheFileAndItsClasses) {
    EXPECT_EQ(describe_imported(read_ok("0,0,a\n1,1,b\n2,2,c\n")), "imported: points.csv, 3 classes");
}

TEST(PointsCsv, AsManyPointsAsTheClassifierTakesAndNotOneMore) {
    std::string text = "x,y,label\n";
    for (int i = 0; i < kMaxPoints; ++i) text += i % 2 ? "0.25,-1,a\n" : "1,0.5,b\n";
    EXPECT_EQ(read_ok(text).data.train.size() + read_ok(text).data.test.size(), static_cast<std::size_t>(kMaxPoints));
    text += "1,1,a\n";
    EXPECT_EQ(read_error(text), "line 100002: more than 100000 points, the most the Classifier takes");
    // A million rows (the case): refused at the same line, the rest never parsed.
    std::string million;
    million.reserve(std::size_t{10'000'000});
    for (int i = 0; i < 1'000'000; ++i) million += i % 2 ? "0.25,-1,a\n" : "1,0.5,b\n";
    EXPECT_EQ(read_error(million), "line 100001: more than 100000 points, the most the Classifier takes");
}

// Every malformed class of file: refused, with where and what.
TEST(PointsCsv, MalformedFilesAreRefusedNamingLineAndColumn) {
    EXPECT_EQ(read_error("x,y,label\n1,2,a\n3,4\n"), "line 3: 2 columns, expected 3 (x,y,label) as on the first line");
    EXPECT_EQ(read_error("1,2,a,train,5\n"), "line 1: 5 columns; expected 3 (x,y,label) or 4 (x,y,label,split)");
    EXPECT_EQ(read_error("x,y,label\n1,2,a\n3,four,b\n"), "line 3, column 2 (y): \"four\" is not a number");
    EXPECT_EQ(read_error("1,2,a\n1.5.2,1,b\n"), "line 2, column 1 (x): \"1.5.2\" is not a number");
    EXPECT_EQ(read_error("1,2,a\n,1,b\n"), "line 2, column 1 (x): empty, expected a number");
    EXPECT_EQ(read_error("1,2,a\nnan,1,b\n"), "line 2, column 1 (x): \"nan\": NaN is not a coordinate");
    EXPECT_EQ(read_error("1,2,a\n1,-inf,b\n"), "line 2, column 2 (y): \"-inf\": an infinite coordinate");
    EXPECT_EQ(read_error("1,2,a\n1,1e999,b\n"), "line 2, column 2 (y): \"1e999\" is beyond the range of a double");
    EXPECT_NE(read_error("1,2,a\n2e6,1,b\n").find("line 2, column 1 (x): \"2e6\" is beyond ±1e+06"), std::string::npos);
    EXPECT_EQ(read_error("1,2,a\n1,1,\n"), "line 2, column 3 (label): empty, expected a class label");
    EXPECT_EQ(read_error("1,2,a,train\n1,1,b,validation\n"), "line 2, column 4 (split): \"validation\" is neither train nor test");
    EXPECT_EQ(read_error("1,2,a,test\n1,1,b,test\n"), "every point is marked test: nothing to train on");
    EXPECT_EQ(read_error("1,2,\"a\n"), "line 1: a quoted field is not closed (fields cannot span lines)");
}

TEST(PointsCsv, OneClassAndSevenClassesAreRefused) {
    EXPECT_EQ(read_error("x,y,label\n1,2,cat\n3,4,cat\n"), "only one class, \"cat\": a classifier needs 2 to 6 classes");
    EXPECT_EQ(read_error("1,2,7\n3,4,7\n"), "only one class, \"7\": a classifier needs 2 to 6 classes");
    std::string seven;
    for (int k = 0; k < 7; ++k) seven += std::to_string(k) + ",0,c" + std::to_string(k) + "\n";
    EXPECT_EQ(read_error(seven), "line 7, column 3 (label): a 7th class, \"c6\" (at most 6 classes: \"c0\", \"c1\", "
                                 "\"c2\", \"c3\", \"c4\", \"c5\" so far)");
    std::string six;  // and six is fine
    for (int k = 0; k < 6; ++k) six += std::to_string(k) + ",0," + std::to_string(k) + "\n";
    EXPECT_EQ(read_ok(six).data.classes, 6);
}

TEST(PointsCsv, EmptyFilesAndHeaderOnlyFilesAreRefused) {
    EXPECT_EQ(read_error(""), "the file is empty: no points");
    EXPECT_EQ(read_error("\n\r\n  \n"), "the file is empty: no points");
    EXPECT_EQ(read_error("x,y,label\n"), "only a header, no points");
}

TEST(PointsCsv, BinaryFilesAndOverlongLinesAreRefused) {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    EXPECT_EQ(read_error(png), "line 1: not UTF-8 text: this is not a CSV file");
    EXPECT_EQ(read_error(std::string("1,2,a\n3,4,b\0c\n", 14)), "line 2: byte 0x00 is not text: this is not a CSV file");
    EXPECT_EQ(read_error("1,2,a\n3,4,\xC3(\n"), "line 2: not UTF-8 text: this is not a CSV file");
    EXPECT_EQ(read_error("1,2,a\n" + std::string(5000, '1') + ",2,b\n"),
              "line 2: longer than 1024 bytes (a point is x,y,label)");
    EXPECT_NE(read_error(std::string(kMaxPointsFileBytes + 1, '1')).find("larger than 32 MiB"), std::string::npos);
    // A label of any script is text.
    EXPECT_EQ(read_ok("0,0,κύκλος\n1,1,正方形\n").labels[0], "κύκλος");
}

TEST(PointsCsv, MessagesQuoteHostileFieldsOnOneLine) {
    const std::string error = read_error("1,2,a\n\"x\"\"\ty\",1,b\n");
    EXPECT_EQ(error.find('\n'), std::string::npos);
    EXPECT_NE(error.find("\\x22"), std::string::npos) << error;  // the quote inside, escaped
}

}  // namespace
}  // namespace actviz
