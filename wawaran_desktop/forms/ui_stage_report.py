# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_report.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, QSize)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_ReportPanel(object):
    def setupUi(self, ReportPanel):
        if not ReportPanel.objectName():
            ReportPanel.setObjectName(u"ReportPanel")
        ReportPanel.resize(560, 330)
        self.outerLayout = QVBoxLayout(ReportPanel)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(ReportPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 560, 330))
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(2, 2, 2, 2)
        self.lockLabel = QLabel(self.scrollContents)
        self.lockLabel.setObjectName(u"lockLabel")
        self.lockLabel.setStyleSheet(u"color: #5d4037; background: #fff8e1; border: 1px solid #f9a825; border-radius: 4px; padding: 4px;")
        self.lockLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.lockLabel)

        self.statusLabel = QLabel(self.scrollContents)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.statusLabel)

        self.bodyEdit = QPlainTextEdit(self.scrollContents)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setMinimumSize(QSize(0, 150))
        self.bodyEdit.setTabChangesFocus(True)

        self.contentLayout.addWidget(self.bodyEdit)

        self.errorLabel = MessageLabel(self.scrollContents)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.errorLabel)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.counterLabel = QLabel(self.scrollContents)
        self.counterLabel.setObjectName(u"counterLabel")
        self.counterLabel.setWordWrap(True)

        self.bottomLayout.addWidget(self.counterLabel)

        self.bottomSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.bottomSpacer)

        self.resetButton = QPushButton(self.scrollContents)
        self.resetButton.setObjectName(u"resetButton")

        self.bottomLayout.addWidget(self.resetButton)


        self.contentLayout.addLayout(self.bottomLayout)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)


        self.retranslateUi(ReportPanel)

        QMetaObject.connectSlotsByName(ReportPanel)
    # setupUi

    def retranslateUi(self, ReportPanel):
        self.lockLabel.setText(QCoreApplication.translate("ReportPanel", u"<b>Terkunci:</b> laporan dikunci karena tahap 8 sudah selesai. Untuk mengubahnya, buka kembali tahap 8 (dengan alasan).", None))
        self.bodyEdit.setPlaceholderText(QCoreApplication.translate("ReportPanel", u"Isi laporan kegiatan wawaran (tersimpan otomatis)", None))
        self.resetButton.setText(QCoreApplication.translate("ReportPanel", u"Susun &ulang dari data tahap 1\u20137\u2026", None))
#if QT_CONFIG(tooltip)
        self.resetButton.setToolTip(QCoreApplication.translate("ReportPanel", u"Ganti isi laporan dengan draf baru dari data tahap 1\u20137", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

