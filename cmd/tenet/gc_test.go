package main

import "testing"

func TestCgroupLimit(t *testing.T) {
	tests := []struct {
		content string
		want    int64
	}{
		{"max\n", 0},
		{"9223372036854771712\n", 0}, // v1 without a limit
		{"2147483648\n", 2 << 30},
		{"", 0},
		{"-1", 0},
	}
	for _, tc := range tests {
		if got := cgroupLimit(tc.content); got != tc.want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", tc.content, got, tc.want)
		}
	}
}
