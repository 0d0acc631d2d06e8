// How many gave each usefulness score after a course: on a course's staff page and in the national picture
// (where a small count arrives already withheld, as a word).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "./page";

export function FeedbackScores({
  caption,
  scoreHeading,
  countHeading,
  distribution,
}: {
  caption: string;
  scoreHeading: string;
  countHeading: string;
  distribution: { score: number; count: ReactNode }[];
}) {
  const { t } = useTranslation("courses");
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{scoreHeading}</th>
            <th scope="col">{countHeading}</th>
          </tr>
        </thead>
        <tbody>
          {distribution.map(({ score, count }) => (
            <tr key={score}>
              <th scope="row">
                {score}: {t(`feedback.scale.${score}` as "feedback.scale.1")}
              </th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
