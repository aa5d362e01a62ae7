# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'swimlane_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout)

from wawaran_desktop.views.swimlane.view import SwimlaneView

class Ui_SwimlanePanel(object):
    def setupUi(self, SwimlanePanel):
        if not SwimlanePanel.objectName():
            SwimlanePanel.setObjectName(u"SwimlanePanel")
        SwimlanePanel.resize(1000, 420)
        self.mainLayout = QVBoxLayout(SwimlanePanel)
        self.mainLayout.setSpacing(4)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.toolLayout = QHBoxLayout()
        self.toolLayout.setObjectName(u"toolLayout")
        self.titleLabel = QLabel(SwimlanePanel)
        self.titleLabel.setObjectName(u"titleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.toolLayout.addWidget(self.titleLabel)

        self.zoomOutButton = QToolButton(SwimlanePanel)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolLayout.addWidget(self.zoomOutButton)

        self.zoomLabel = QLabel(SwimlanePanel)
        self.zoomLabel.setObjectName(u"zoomLabel")
        self.zoomLabel.setMinimumSize(QSize(44, 0))
        self.zoomLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolLayout.addWidget(self.zoomLabel)

        self.zoomInButton = QToolButton(SwimlanePanel)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolLayout.addWidget(self.zoomInButton)

        self.fitButton = QToolButton(SwimlanePanel)
        self.fitButton.setObjectName(u"fitButton")

        self.toolLayout.addWidget(self.fitButton)

        self.actualSizeButton = QToolButton(SwimlanePanel)
        self.actualSizeButton.setObjectName(u"actualSizeButton")

        self.toolLayout.addWidget(self.actualSizeButton)

        self.toolSeparator = QFrame(SwimlanePanel)
        self.toolSeparator.setObjectName(u"toolSeparator")
        self.toolSeparator.setFrameShape(QFrame.Shape.VLine)
        self.toolSeparator.setFrameShadow(QFrame.Shadow.Sunken)

        self.toolLayout.addWidget(self.toolSeparator)

        self.exportPdfButton = QToolButton(SwimlanePanel)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.toolLayout.addWidget(self.exportPdfButton)

        self.exportPngButton = QToolButton(SwimlanePanel)
        self.exportPngButton.setObjectName(u"exportPngButton")

        self.toolLayout.addWidget(self.exportPngButton)

        self.printButton = QToolButton(SwimlanePanel)
        self.printButton.setObjectName(u"printButton")

        self.toolLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.toolLayout)

        self.view = SwimlaneView(SwimlanePanel)
        self.view.setObjectName(u"view")

        self.mainLayout.addWidget(self.view)


        self.retranslateUi(SwimlanePanel)

        QMetaObject.connectSlotsByName(SwimlanePanel)
    # setupUi

    def retranslateUi(self, SwimlanePanel):
        SwimlanePanel.setWindowTitle(QCoreApplication.translate("SwimlanePanel", u"Bagan Alir SOP", None))
        self.titleLabel.setText(QCoreApplication.translate("SwimlanePanel", u"Bagan SOP (tanpa kampanye)", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Perkecil (Ctrl+roda tetikus ke bawah)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("SwimlanePanel", u"\u2212", None))
        self.zoomLabel.setText(QCoreApplication.translate("SwimlanePanel", u"100%", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Perbesar (Ctrl+roda tetikus ke atas)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("SwimlanePanel", u"+", None))
#if QT_CONFIG(tooltip)
        self.fitButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Seluruh bagan di jendela", None))
#endif // QT_CONFIG(tooltip)
        self.fitButton.setText(QCoreApplication.translate("SwimlanePanel", u"Sesuaikan", None))
#if QT_CONFIG(tooltip)
        self.actualSizeButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Ukuran kertas (100%)", None))
#endif // QT_CONFIG(tooltip)
        self.actualSizeButton.setText(QCoreApplication.translate("SwimlanePanel", u"100%", None))
#if QT_CONFIG(tooltip)
        self.exportPdfButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Simpan bagan sebagai PDF (A4 lanskap)", None))
#endif // QT_CONFIG(tooltip)
        self.exportPdfButton.setText(QCoreApplication.translate("SwimlanePanel", u"PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportPngButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Simpan bagan sebagai gambar PNG", None))
#endif // QT_CONFIG(tooltip)
        self.exportPngButton.setText(QCoreApplication.translate("SwimlanePanel", u"PNG\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("SwimlanePanel", u"Pratinjau cetak, lalu cetak ke printer", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("SwimlanePanel", u"Cetak\u2026", None))
    # retranslateUi

